import { MingoCollection } from '@primetrade/testing';
import { usableTokenFilter, usableTokenUpdate, userTokensFilter } from './account-token.filter';
import type { AccountTokenRecord } from './account-token.schema';
import { unrevokedUserSessionsFilter } from './session-write.filter';

const NOW = new Date('2026-06-15T12:00:00.000Z');
const record = (over: Partial<AccountTokenRecord>): AccountTokenRecord => ({
  _id: 'hash-1',
  purpose: 'password-reset',
  userId: 'u1',
  email: null,
  expiresAt: new Date(NOW.getTime() + 60_000),
  usedAt: null,
  createdAt: NOW,
  ...over,
});

describe('MongoDB account-token documents (executed with mingo)', () => {
  it('use a live token once', () => {
    const resets = new MingoCollection([record({})]);
    expect(resets.updateOne(usableTokenFilter('password-reset', 'hash-1', NOW), usableTokenUpdate(NOW)).matchedCount).toBe(1);
    expect(resets.docs[0].usedAt).toEqual(NOW);
    expect(resets.updateOne(usableTokenFilter('password-reset', 'hash-1', NOW), usableTokenUpdate(NOW)).matchedCount).toBe(0);
  });

  it('never match an expired or unknown token', () => {
    const resets = new MingoCollection([record({ expiresAt: NOW })]);
    expect(resets.find(usableTokenFilter('password-reset', 'hash-1', NOW))).toEqual([]);
    expect(resets.find(usableTokenFilter('password-reset', 'hash-2', new Date(0)))).toEqual([]);
  });

  it('never match a token of another purpose', () => {
    const tokens = new MingoCollection([record({})]);
    expect(tokens.find(usableTokenFilter('email-confirmation', 'hash-1', NOW))).toEqual([]);
  });

  it("select every token of the user and no one else's", () => {
    const tokens = new MingoCollection([record({}), record({ _id: 'hash-2', userId: 'u2' })]);
    expect(tokens.find(userTokensFilter('u1')).map((t) => t._id)).toEqual(['hash-1']);
  });

  it("select every live session of the user and no one else's", () => {
    const sessions = new MingoCollection([
      { _id: 's1', userId: 'u1', revokedAt: null },
      { _id: 's2', userId: 'u1', revokedAt: NOW },
      { _id: 's3', userId: 'u2', revokedAt: null },
    ]);
    expect(sessions.find(unrevokedUserSessionsFilter('u1')).map((s) => s._id)).toEqual(['s1']);
  });
});
