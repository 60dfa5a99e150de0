import { createTestContext, type TestContext } from '@primetrade/testing';
import { InvalidCredentialsError } from '../../../model/identity.errors';
import { User } from '../../../model/user.entity';
import { SessionIssuer } from '../../session-issuer';
import { LogInCommand } from './log-in.command';
import { LogInHandler } from './log-in.handler';

describe('LogInHandler', () => {
  let ctx: TestContext;
  let handler: LogInHandler;

  beforeEach(async () => {
    ctx = createTestContext();
    handler = new LogInHandler(ctx.users, ctx.hasher, new SessionIssuer(ctx.sessions, ctx.tokens, ctx.ids, ctx.clock));
    await ctx.users.create(
      User.register({
        id: 'u1',
        name: 'Ada',
        email: 'ada@example.com',
        passwordHash: await ctx.hasher.hash('secret'),
        now: ctx.clock.now(),
      }),
    );
  });

  const errorOf = (promise: Promise<unknown>) =>
    promise.then(
      () => {
        throw new Error('expected a failure');
      },
      (error: unknown) => error,
    );

  it('issues an access token and a refresh token whose session starts a new family', async () => {
    const tokens = await handler.execute(new LogInCommand('ada@example.com', 'secret'));
    expect(tokens).toEqual({
      accessToken: 'access:u1:ada@example.com',
      refreshToken: 'refresh-1',
      expiresIn: 900,
      refreshExpiresIn: ctx.tokens.refreshTokenTtlSeconds,
    });
    const session = await ctx.sessions.findByTokenHash(ctx.tokens.hashRefreshToken('refresh-1'));
    expect(session?.userId).toBe('u1');
    expect(session?.familyId).toBe(session?.id);
    expect(session?.props.expiresAt.getTime()).toBe(ctx.clock.now().getTime() + ctx.tokens.refreshTokenTtlSeconds * 1000);
    expect(session?.stateAt(ctx.clock.now())).toBe('active');
  });

  it('normalises the email it is given', async () => {
    await expect(handler.execute(new LogInCommand('  ADA@Example.com ', 'secret'))).resolves.toMatchObject({ refreshToken: 'refresh-1' });
  });

  it('gives the same error for an unknown email and a wrong password', async () => {
    const unknown = await errorOf(handler.execute(new LogInCommand('nobody@example.com', 'secret')));
    const wrong = await errorOf(handler.execute(new LogInCommand('ada@example.com', 'Secret')));
    expect(unknown).toBeInstanceOf(InvalidCredentialsError);
    expect(wrong).toBeInstanceOf(InvalidCredentialsError);
    expect((unknown as Error).message).toBe((wrong as Error).message);
    expect(ctx.store.sessions.size).toBe(0);
  });

  it('still verifies a password for an unknown email, so timing does not reveal accounts', async () => {
    await errorOf(handler.execute(new LogInCommand('nobody@example.com', 'guess')));
    expect(ctx.hasher.verified).toEqual([{ hash: 'hashed:decoy-password-for-timing', plain: 'guess' }]);
  });

  it('refuses a deactivated account like an unknown one', async () => {
    const active = (await ctx.users.findById('u1'))!;
    await ctx.users.create(User.restore({ ...active.toProps(), id: 'u2', email: 'gone@example.com', isActive: false }));
    await expect(handler.execute(new LogInCommand('gone@example.com', 'secret'))).rejects.toBeInstanceOf(InvalidCredentialsError);
    expect(ctx.store.sessions.size).toBe(0);
  });

  it('starts a separate family for each log-in', async () => {
    await handler.execute(new LogInCommand('ada@example.com', 'secret'));
    await handler.execute(new LogInCommand('ada@example.com', 'secret'));
    const families = [...ctx.store.sessions.values()].map((s) => s.familyId);
    expect(new Set(families).size).toBe(2);
  });
});
