import type { AccountTokenPurpose } from '@primetrade/domain';
import type { MongoDocument } from '../connection/mongo-query.types';

/** The token of that purpose, if still unused and not expired: `findOneAndUpdate` with `usableTokenUpdate` uses it once. */
export function usableTokenFilter(purpose: AccountTokenPurpose, tokenHash: string, now: Date): MongoDocument {
  return { _id: tokenHash, purpose, usedAt: null, expiresAt: { $gt: now } };
}

export function usableTokenUpdate(now: Date): MongoDocument {
  return { $set: { usedAt: now } };
}

/** Every token of a user (the account is deleted). */
export function userTokensFilter(userId: string): MongoDocument {
  return { userId };
}
