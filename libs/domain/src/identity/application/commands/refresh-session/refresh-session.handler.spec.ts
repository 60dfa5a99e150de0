import { createTestContext, type TestContext } from '@primetrade/testing';
import { InvalidRefreshTokenError } from '../../../model/identity.errors';
import { User } from '../../../model/user.entity';
import { SessionIssuer } from '../../session-issuer';
import { LogInCommand } from '../log-in/log-in.command';
import { LogInHandler } from '../log-in/log-in.handler';
import { RefreshSessionCommand } from './refresh-session.command';
import { RefreshSessionHandler } from './refresh-session.handler';

describe('RefreshSessionHandler', () => {
  let ctx: TestContext;
  let logIn: LogInHandler;
  let handler: RefreshSessionHandler;
  const refresh = (token: string) => handler.execute(new RefreshSessionCommand(token));

  beforeEach(async () => {
    ctx = createTestContext();
    const issuer = new SessionIssuer(ctx.sessions, ctx.tokens, ctx.ids, ctx.clock);
    logIn = new LogInHandler(ctx.users, ctx.hasher, issuer);
    handler = new RefreshSessionHandler(ctx.sessions, ctx.users, ctx.tokens, issuer, ctx.clock);
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

  const sessionOf = (token: string) => ctx.sessions.findByTokenHash(ctx.tokens.hashRefreshToken(token));

  it('rotates: a new refresh token in the same family, the old one used up', async () => {
    const first = await logIn.execute(new LogInCommand('ada@example.com', 'secret'));
    ctx.clock.advance(60_000);
    const second = await refresh(first.refreshToken);
    expect(second.refreshToken).not.toBe(first.refreshToken);
    expect(second.accessToken).toBe('access:u1:ada@example.com');
    const oldSession = (await sessionOf(first.refreshToken))!;
    const newSession = (await sessionOf(second.refreshToken))!;
    expect(newSession.familyId).toBe(oldSession.familyId);
    expect(oldSession.props.rotatedAt).toEqual(ctx.clock.now());
    expect(oldSession.stateAt(ctx.clock.now())).toBe('reused');
    expect(newSession.stateAt(ctx.clock.now())).toBe('active');
    expect(newSession.props.expiresAt.getTime()).toBe(ctx.clock.now().getTime() + ctx.tokens.refreshTokenTtlSeconds * 1000);
    await expect(refresh(second.refreshToken)).resolves.toMatchObject({ refreshToken: 'refresh-3' });
  });

  it('treats a rotated token coming back as theft: it fails and so does the newest token', async () => {
    const first = await logIn.execute(new LogInCommand('ada@example.com', 'secret'));
    const second = await refresh(first.refreshToken);
    const third = await refresh(second.refreshToken);
    await expect(refresh(first.refreshToken)).rejects.toBeInstanceOf(InvalidRefreshTokenError);
    await expect(refresh(third.refreshToken)).rejects.toBeInstanceOf(InvalidRefreshTokenError);
    expect((await sessionOf(third.refreshToken))!.stateAt(ctx.clock.now())).toBe('revoked');
  });

  it('revokes only the family of the reused token', async () => {
    const laptop = await logIn.execute(new LogInCommand('ada@example.com', 'secret'));
    const phone = await logIn.execute(new LogInCommand('ada@example.com', 'secret'));
    await refresh(laptop.refreshToken);
    await expect(refresh(laptop.refreshToken)).rejects.toBeInstanceOf(InvalidRefreshTokenError);
    await expect(refresh(phone.refreshToken)).resolves.toBeDefined();
  });

  it('refuses an unknown token', async () => {
    await expect(refresh('refresh-never-issued')).rejects.toBeInstanceOf(InvalidRefreshTokenError);
  });

  it('refuses an expired token without revoking anything', async () => {
    const first = await logIn.execute(new LogInCommand('ada@example.com', 'secret'));
    ctx.clock.advance(ctx.tokens.refreshTokenTtlSeconds * 1000);
    await expect(refresh(first.refreshToken)).rejects.toBeInstanceOf(InvalidRefreshTokenError);
    expect((await sessionOf(first.refreshToken))!.props.revokedAt).toBeNull();
  });

  it('refuses the token of a user who was deactivated', async () => {
    const first = await logIn.execute(new LogInCommand('ada@example.com', 'secret'));
    const user = ctx.store.users.get('u1')!;
    ctx.store.users.set('u1', { ...user, isActive: false });
    await expect(refresh(first.refreshToken)).rejects.toBeInstanceOf(InvalidRefreshTokenError);
  });

  it('lets only one of two simultaneous refreshes with one token succeed', async () => {
    const first = await logIn.execute(new LogInCommand('ada@example.com', 'secret'));
    const results = await Promise.allSettled([refresh(first.refreshToken), refresh(first.refreshToken)]);
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    expect((results.find((r) => r.status === 'rejected') as PromiseRejectedResult).reason).toBeInstanceOf(InvalidRefreshTokenError);
  });

  // A race is not theft: the loser is refused and the winner's new token keeps working.
  it('keeps the winner of a refresh race signed in', async () => {
    const first = await logIn.execute(new LogInCommand('ada@example.com', 'secret'));
    const results = await Promise.allSettled([refresh(first.refreshToken), refresh(first.refreshToken)]);
    const winner = (results.find((r) => r.status === 'fulfilled') as PromiseFulfilledResult<{ refreshToken: string }>).value;
    await expect(refresh(winner.refreshToken)).resolves.toMatchObject({ refreshToken: expect.any(String) });
  });
});
