import type { MongoDocument } from '../connection/mongo-query.types';

/** The outbox collection: one document per domain event, `_id` = the event id (UUIDv7, time-ordered). */
export const EVENT_OUTBOX = 'event_outbox';
export const OUTBOX_LEASE = 'outbox_lease';
const LEASE_ID = 'relay';

export interface OutboxDoc {
  _id: string;
  type: string;
  aggregateId: string;
  ownerId: string;
  occurredAt: Date;
  correlationId: string;
  payload: string;
  relayedAt: Date | null;
}

/** Not yet relayed, oldest first (`_id` is time-ordered; writes to one aggregate are serialised by its version). */
export function pendingQuery(): { filter: MongoDocument; sort: MongoDocument } {
  return { filter: { relayedAt: null }, sort: { _id: 1 } };
}

export function markRelayedFilter(ids: readonly string[]): MongoDocument {
  return { _id: { $in: [...ids] }, relayedAt: null };
}

export function markRelayedUpdate(at: Date): MongoDocument {
  return { $set: { relayedAt: at } };
}

export function ownerPendingFilter(ownerId: string): MongoDocument {
  return { ownerId, relayedAt: null };
}

export function pruneFilter(before: Date): MongoDocument {
  return { relayedAt: { $ne: null, $lt: before } };
}

/**
 * Taken when it is ours already or has run out. Upserted: when another holder's lease runs, the
 * filter matches nothing and the upsert collides on `_id` (duplicate key = not ours).
 */
export function leaseFilter(holder: string, now: Date): MongoDocument {
  return { _id: LEASE_ID, $or: [{ holder }, { until: { $lt: now } }] };
}

export function leaseUpdate(holder: string, until: Date): MongoDocument {
  return { $set: { holder, until } };
}

export function releaseLeaseFilter(holder: string): MongoDocument {
  return { _id: LEASE_ID, holder };
}
