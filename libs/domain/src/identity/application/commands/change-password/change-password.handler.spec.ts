import { createTestContext, type TestContext } from '@primetrade/testing';
import { WrongPasswordError } from '../../../model/identity.errors';
import { Session } from '../../../model/session.entity';
import { User } from '../../../model/user.entity';
import { ChangePasswordCommand } from './change-password.command';
import { ChangePasswordHandler } from './change-password.handler';

describe('ChangePasswordHandler', () => {
  let ctx: TestContext;
  let change: ChangePasswordHandler;
  const session = (id: string) =>
    Session.start({ id, userId: 'u1', familyId: id, tokenHash: `h-${id}`, now: ctx.clock.now(), ttlMs: 3_600_000 });

  beforeEach(async () => {
    ctx = createTestContext();
    change = new ChangePasswordHandler(ctx.users, ctx.sessions, ctx.hasher, ctx.clock);
    await ctx.users.create(
      User.register({
        id: 'u1',
        name: 'Ada',
        email: 'ada@example.com',
        passwordHash: await ctx.hasher.hash('old password'),
        now: ctx.clock.now(),
      }),
    );
    await ctx.sessions.create(session('here'));
    await ctx.sessions.create(session('elsewhere'));
  });

  it('sets the new password and signs out every other session, keeping this one', async () => {
    await change.execute(new ChangePasswordCommand('u1', 'here', 'old password', 'new password'));
    const ada = (await ctx.users.findById('u1'))!;
    expect(await ctx.hasher.verify(ada.passwordHash, 'new password')).toBe(true);
    expect((await ctx.sessions.findByTokenHash('h-here'))?.stateAt(ctx.clock.now())).toBe('active');
    expect((await ctx.sessions.findByTokenHash('h-elsewhere'))?.stateAt(ctx.clock.now())).toBe('revoked');
  });

  it('refuses a wrong current password and changes nothing', async () => {
    await expect(change.execute(new ChangePasswordCommand('u1', 'here', 'guess', 'new password'))).rejects.toBeInstanceOf(
      WrongPasswordError,
    );
    expect(await ctx.hasher.verify((await ctx.users.findById('u1'))!.passwordHash, 'old password')).toBe(true);
    expect((await ctx.sessions.findByTokenHash('h-elsewhere'))?.stateAt(ctx.clock.now())).toBe('active');
  });
});
