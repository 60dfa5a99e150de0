import { createTestContext, type TestContext } from '@primetrade/testing';
import { SessionNotFoundError } from '../../../model/identity.errors';
import { Session } from '../../../model/session.entity';
import { RevokeOtherSessionsCommand, RevokeSessionCommand } from '../../commands/revoke-session/revoke-session.command';
import { RevokeOtherSessionsHandler, RevokeSessionHandler } from '../../commands/revoke-session/revoke-session.handler';
import { ListSessionsHandler } from './list-sessions.handler';
import { ListSessionsQuery } from './list-sessions.query';

const HOUR = 3_600_000;

describe('session list and sign-out of other devices', () => {
  let ctx: TestContext;
  let list: ListSessionsHandler;
  let revoke: RevokeSessionHandler;
  let revokeOthers: RevokeOtherSessionsHandler;

  const signIn = async (id: string, userId: string, userAgent: string, familyId = id) =>
    ctx.sessions.create(
      Session.start({ id, userId, familyId, tokenHash: `hash-${id}`, now: ctx.clock.now(), ttlMs: 24 * HOUR, userAgent }),
    );

  beforeEach(async () => {
    ctx = createTestContext();
    list = new ListSessionsHandler(ctx.sessions, ctx.clock);
    revoke = new RevokeSessionHandler(ctx.sessions, ctx.clock);
    revokeOthers = new RevokeOtherSessionsHandler(ctx.sessions, ctx.clock);
    await signIn('laptop', 'u1', 'Firefox on Linux');
    ctx.clock.advance(HOUR);
    await signIn('phone', 'u1', 'Safari on iOS');
    await signIn('elsewhere', 'u2', 'curl');
    ctx.clock.advance(HOUR);
    // The laptop refreshes: a new link of its family, the old one rotated.
    await ctx.sessions.markRotated('laptop', ctx.clock.now());
    await signIn('laptop-2', 'u1', 'Firefox on Linux', 'laptop');
  });

  it('lists each signed-in device once, most recently used first, with the current one marked', async () => {
    const sessions = await list.execute(new ListSessionsQuery('u1', 'phone'));
    expect(sessions).toEqual([
      {
        id: 'laptop',
        createdAt: new Date('2026-06-15T12:00:00.000Z'),
        lastUsedAt: new Date('2026-06-15T14:00:00.000Z'),
        userAgent: 'Firefox on Linux',
        current: false,
      },
      {
        id: 'phone',
        createdAt: new Date('2026-06-15T13:00:00.000Z'),
        lastUsedAt: new Date('2026-06-15T13:00:00.000Z'),
        userAgent: 'Safari on iOS',
        current: true,
      },
    ]);
  });

  it("signs one device out, and refuses another user's session as not found", async () => {
    await revoke.execute(new RevokeSessionCommand('u1', 'laptop'));
    expect((await list.execute(new ListSessionsQuery('u1', 'phone'))).map((s) => s.id)).toEqual(['phone']);
    await expect(revoke.execute(new RevokeSessionCommand('u1', 'elsewhere'))).rejects.toBeInstanceOf(SessionNotFoundError);
    expect((await ctx.sessions.findByTokenHash('hash-elsewhere'))?.stateAt(ctx.clock.now())).toBe('active');
  });

  it('signs every other device out and keeps the current one', async () => {
    expect(await revokeOthers.execute(new RevokeOtherSessionsCommand('u1', 'phone'))).toEqual({ revoked: 1 });
    expect((await list.execute(new ListSessionsQuery('u1', 'phone'))).map((s) => s.id)).toEqual(['phone']);
    expect((await list.execute(new ListSessionsQuery('u2', undefined))).map((s) => s.id)).toEqual(['elsewhere']);
  });
});
