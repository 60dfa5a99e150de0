import type { MongoDocument } from '../connection/mongo-query.types';

export const idempotencyId = (ownerId: string, key: string): string => `${ownerId}/${key}`;

/**
 * The claim as one upsert: it matches only an expired record; a live one makes the upsert's
 * insert collide on `_id` (E11000), which tells the caller to read it.
 */
export function claimFilter(ownerId: string, key: string, now: Date): MongoDocument {
  return { _id: idempotencyId(ownerId, key), expiresAt: { $lte: now } };
}

export function claimUpdate(ownerId: string, fingerprint: string, expiresAt: Date): MongoDocument {
  return { $set: { owner: ownerId, fingerprint, expiresAt }, $unset: { response: '' } };
}

export function recordFilter(ownerId: string, key: string): MongoDocument {
  return { _id: idempotencyId(ownerId, key) };
}
