import { createTestContext, type TestContext } from '@primetrade/testing';
import { InvalidRefreshTokenError } from '../../../model/identity.errors';
import { User } from '../../../model/user.entity';
import { SessionIssuer } from '../../session-issuer';
import { LogInCommand } from '../log-in/log-in.command';
import { LogInHandler } from '../log-in/log-in.handler';
import { RefreshSessionCommand } from '../refresh-session/refresh-session.command';
import { RefreshSessionHandler } from '../refresh-session/refresh-session.handler';
import { LogOutCommand } from './log-out.command';
import { LogOutHandler } from './log-out.handler';

describe('LogOutHandler', () => {
  let ctx: TestContext;
  let logIn: LogInHandler;
  let refresher: RefreshSessionHandler;
  let handler: LogOutHandler;
  const refresh = (token: string) => refresher.execute(new RefreshSessionCommand(token));

  beforeEach(async () => {
    ctx = createTestContext();
    const issuer = new SessionIssuer(ctx.sessions, ctx.tokens, ctx.ids, ctx.clock);
    logIn = new LogInHandler(ctx.users, ctx.hasher, issuer);
    refresher = new RefreshSessionHandler(ctx.sessions, ctx.users, ctx.tokens, issuer, ctx.clock);
    handler = new LogOutHandler(ctx.sessions, ctx.tokens, ctx.clock);
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

  it('ends the session: its refresh token no longer works', async () => {
    const tokens = await logIn.execute(new LogInCommand('ada@example.com', 'secret'));
    await handler.execute(new LogOutCommand(tokens.refreshToken));
    await expect(refresh(tokens.refreshToken)).rejects.toBeInstanceOf(InvalidRefreshTokenError);
    const session = await ctx.sessions.findByTokenHash(ctx.tokens.hashRefreshToken(tokens.refreshToken));
    expect(session?.props.revokedAt).toEqual(ctx.clock.now());
  });

  it('ends the whole family, also when given an older, rotated token', async () => {
    const first = await logIn.execute(new LogInCommand('ada@example.com', 'secret'));
    const second = await refresh(first.refreshToken);
    await handler.execute(new LogOutCommand(first.refreshToken));
    await expect(refresh(second.refreshToken)).rejects.toBeInstanceOf(InvalidRefreshTokenError);
  });

  it('leaves the user’s other sessions alone', async () => {
    const laptop = await logIn.execute(new LogInCommand('ada@example.com', 'secret'));
    const phone = await logIn.execute(new LogInCommand('ada@example.com', 'secret'));
    await handler.execute(new LogOutCommand(laptop.refreshToken));
    await expect(refresh(phone.refreshToken)).resolves.toBeDefined();
  });

  it('ignores an unknown token and a second log-out', async () => {
    await expect(handler.execute(new LogOutCommand('refresh-never-issued'))).resolves.toBeUndefined();
    const tokens = await logIn.execute(new LogInCommand('ada@example.com', 'secret'));
    await handler.execute(new LogOutCommand(tokens.refreshToken));
    const revokedAt = ctx.clock.now();
    ctx.clock.advance(1000);
    await expect(handler.execute(new LogOutCommand(tokens.refreshToken))).resolves.toBeUndefined();
    expect((await ctx.sessions.findByTokenHash(ctx.tokens.hashRefreshToken(tokens.refreshToken)))?.props.revokedAt).toEqual(revokedAt);
  });
});
