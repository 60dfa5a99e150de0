import type { MongoDocument } from '../connection/mongo-query.types';

/** An active session (neither rotated nor revoked); `null` also matches a missing field. */
export function rotatableSessionFilter(sessionId: string): MongoDocument {
  return { _id: sessionId, rotatedAt: null, revokedAt: null };
}

export function markRotatedUpdate(at: Date): MongoDocument {
  return { $set: { rotatedAt: at } };
}

/** The family's sessions not revoked yet (keeps the first revocation time). */
export function unrevokedFamilyFilter(familyId: string): MongoDocument {
  return { familyId, revokedAt: null };
}

/** Every session of the family, to raise its `keepUntil` when a new session joins it. */
export function familyFilter(familyId: string): MongoDocument {
  return { familyId };
}

/** The family lives (and its rotated sessions are kept) until its newest session expires. */
export function keepFamilyUntilUpdate(expiresAt: Date): MongoDocument {
  return { $max: { keepUntil: expiresAt } };
}

export function revokeUpdate(at: Date): MongoDocument {
  return { $set: { revokedAt: at } };
}

/** Every live session of one user (a password reset ends them all). */
export function unrevokedUserSessionsFilter(userId: string): MongoDocument {
  return { userId, revokedAt: null };
}

/** The live link of each of the user's families (the others are rotated), newest first. */
export function activeSessionsFilter(userId: string, now: Date): MongoDocument {
  return { userId, rotatedAt: null, revokedAt: null, expiresAt: { $gt: now } };
}

/** When each family started: its oldest session. */
export function familyStartsPipeline(userId: string, familyIds: readonly string[]): MongoDocument[] {
  return [{ $match: { userId, familyId: { $in: [...familyIds] } } }, { $group: { _id: '$familyId', startedAt: { $min: '$createdAt' } } }];
}
