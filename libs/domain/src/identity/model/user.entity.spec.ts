import { DomainValidationError } from '../../shared/model/domain.errors';
import { UserRegistered } from './identity.events';
import { User } from './user.entity';

const NOW = new Date('2026-06-15T12:00:00.000Z');
const register = (input: Partial<Parameters<typeof User.register>[0]> = {}) =>
  User.register({ id: 'u1', name: 'Ada Lovelace', email: 'ada@example.com', passwordHash: 'hash', now: NOW, ...input });

function violatedField(action: () => unknown): string | undefined {
  try {
    action();
  } catch (error) {
    expect(error).toBeInstanceOf(DomainValidationError);
    return (error as DomainValidationError).violations[0]?.field;
  }
  throw new Error('expected a DomainValidationError');
}

describe('User', () => {
  it('registers an active user with trimmed name, normalised email and both timestamps at now', () => {
    const user = register({ name: '  Ada  ', email: '  Ada@Example.COM ' });
    expect(user.toProps()).toEqual({
      id: 'u1',
      name: 'Ada',
      email: 'ada@example.com',
      passwordHash: 'hash',
      isActive: true,
      emailConfirmedAt: null,
      createdAt: NOW,
      updatedAt: NOW,
    });
  });

  it('raises UserRegistered once, with the normalised email', () => {
    const user = register({ email: 'ADA@example.com' });
    const events = user.pullEvents();
    expect(events).toHaveLength(1);
    expect(events[0]).toBeInstanceOf(UserRegistered);
    expect(events[0]).toEqual(
      expect.objectContaining({ type: 'identity.user-registered', aggregateId: 'u1', email: 'ada@example.com', occurredAt: NOW }),
    );
    expect(user.pullEvents()).toEqual([]);
  });

  it('accepts a name of 1 to 100 characters after trimming', () => {
    expect(register({ name: 'A' }).name).toBe('A');
    expect(register({ name: 'n'.repeat(100) }).name).toHaveLength(100);
    expect(register({ name: ` ${'n'.repeat(100)} ` }).name).toHaveLength(100);
    expect(violatedField(() => register({ name: '' }))).toBe('name');
    expect(violatedField(() => register({ name: '   ' }))).toBe('name');
    expect(violatedField(() => register({ name: 'n'.repeat(101) }))).toBe('name');
  });

  it('refuses an invalid email', () => {
    for (const email of ['', '   ', 'ada', 'ada@', '@example.com', 'ada@@example.com', 'a da@example.com']) {
      expect(violatedField(() => register({ email }))).toBe('email');
    }
  });

  it('restores a stored user as it was, without events', () => {
    const props = { ...register().toProps(), isActive: false, updatedAt: new Date(NOW.getTime() + 1) };
    const user = User.restore(props);
    expect(user.toProps()).toEqual(props);
    expect(user.isActive).toBe(false);
    expect(user.pullEvents()).toEqual([]);
  });
});

describe('User email', () => {
  const NOW = new Date('2026-06-15T12:00:00.000Z');
  const LATER = new Date('2026-06-16T08:00:00.000Z');
  const ada = () => User.register({ id: 'u1', name: 'Ada', email: 'ada@example.com', passwordHash: 'hash', now: NOW });

  it('is confirmed once, at the first confirmation', () => {
    const user = ada();
    expect(user.emailConfirmed).toBe(false);
    user.confirmEmail(LATER);
    user.confirmEmail(new Date('2026-07-01T00:00:00.000Z'));
    expect(user.emailConfirmedAt).toEqual(LATER);
  });

  it('changes to a normalised address that is confirmed from the start', () => {
    const user = ada();
    user.changeEmail(' Ada.New@Example.COM ', LATER);
    expect(user.toProps()).toMatchObject({ email: 'ada.new@example.com', emailConfirmedAt: LATER, updatedAt: LATER });
  });
});
