import { DomainValidationError } from '../../../../shared/model/domain.errors';
import { createTestContext, type TestContext } from '@primetrade/testing';
import { EmailAlreadyRegisteredError } from '../../../model/identity.errors';
import { UserRegistered } from '../../../model/identity.events';
import { RegisterUserCommand } from './register-user.command';
import { RegisterUserHandler } from './register-user.handler';

describe('RegisterUserHandler', () => {
  let ctx: TestContext;
  let handler: RegisterUserHandler;
  beforeEach(() => {
    ctx = createTestContext();
    handler = new RegisterUserHandler(ctx.users, ctx.hasher, ctx.ids, ctx.clock, ctx.events);
  });

  it('stores the user with a hashed password and returns only the public fields', async () => {
    const view = await handler.execute(new RegisterUserCommand(' Ada ', 'Ada@Example.com', 'correct horse'));
    expect(view).toEqual({ id: 'id-0001', name: 'Ada', email: 'ada@example.com', createdAt: ctx.clock.now() });
    const stored = await ctx.users.findByEmail('ada@example.com');
    expect(stored?.id).toBe('id-0001');
    expect(stored?.passwordHash).toBe('hashed:correct horse');
    expect(stored?.isActive).toBe(true);
  });

  it('publishes UserRegistered after saving', async () => {
    await handler.execute(new RegisterUserCommand('Ada', 'ada@example.com', 'pw'));
    expect(ctx.events.published).toHaveLength(1);
    expect(ctx.events.published[0]).toBeInstanceOf(UserRegistered);
    expect(ctx.events.published[0]).toMatchObject({ aggregateId: 'id-0001', email: 'ada@example.com' });
  });

  it('refuses an email already registered, whatever its case, and publishes nothing for it', async () => {
    await handler.execute(new RegisterUserCommand('Ada', 'ada@example.com', 'pw'));
    ctx.events.clear();
    await expect(handler.execute(new RegisterUserCommand('Other Ada', '  ADA@example.COM', 'pw2'))).rejects.toBeInstanceOf(
      EmailAlreadyRegisteredError,
    );
    expect(ctx.events.published).toEqual([]);
    expect((await ctx.users.findByEmail('ada@example.com'))?.name).toBe('Ada');
    expect(await ctx.users.findById('id-0002')).toBeNull();
  });

  it('lets exactly one of two simultaneous sign-ups with one email win', async () => {
    const results = await Promise.allSettled([
      handler.execute(new RegisterUserCommand('Ada', 'ada@example.com', 'pw')),
      handler.execute(new RegisterUserCommand('Ada', 'ada@example.com', 'pw')),
    ]);
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    const rejected = results.find((r) => r.status === 'rejected') as PromiseRejectedResult;
    expect(rejected.reason).toBeInstanceOf(EmailAlreadyRegisteredError);
    expect(ctx.events.published).toHaveLength(1);
  });

  it('stores nothing when the input is invalid', async () => {
    await expect(handler.execute(new RegisterUserCommand('', 'ada@example.com', 'pw'))).rejects.toBeInstanceOf(DomainValidationError);
    await expect(handler.execute(new RegisterUserCommand('Ada', 'not-an-email', 'pw'))).rejects.toBeInstanceOf(DomainValidationError);
    expect(ctx.store.users.size).toBe(0);
    expect(ctx.events.published).toEqual([]);
  });
});
