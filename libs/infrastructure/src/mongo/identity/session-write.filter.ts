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

export function revokeUpdate(at: Date): MongoDocument {
  return { $set: { revokedAt: at } };
}
