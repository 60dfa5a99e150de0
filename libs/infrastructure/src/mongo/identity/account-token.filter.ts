import type { MongoDocument } from '../connection/mongo-query.types';

/** The token, if still unused and not expired: `findOneAndUpdate` with `usableTokenUpdate` uses it once. */
export function usableTokenFilter(tokenHash: string, now: Date): MongoDocument {
  return { _id: tokenHash, usedAt: null, expiresAt: { $gt: now } };
}

export function usableTokenUpdate(now: Date): MongoDocument {
  return { $set: { usedAt: now } };
}
