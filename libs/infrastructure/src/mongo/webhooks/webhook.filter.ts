import type { WebhookAttempt, WebhookDeliveryStatus, WebhookEventType } from '@primetrade/domain';
import type { MongoDocument } from '../connection/mongo-query.types';

/** Free of any attempt's hold. */
export const UNLOCKED = new Date(0);

export const ownedFilter = (ownerId: string, id: string): MongoDocument => ({ _id: id, ownerId });

export const subscribersFilter = (ownerId: string, event: WebhookEventType, occurredAt: Date): MongoDocument => ({
  ownerId,
  enabled: true,
  events: event,
  createdAt: { $lte: occurredAt },
});

/** The failure clock starts at the first failure only. */
export const startFailingFilter = (id: string): MongoDocument => ({ _id: id, failingSince: null });
export const startFailingUpdate = (now: Date): MongoDocument => ({ $set: { failingSince: now } });

/** Matches only while enabled and failing long enough: one caller's update disables it. */
export const disableFilter = (id: string, failingSince: Date): MongoDocument => ({
  _id: id,
  enabled: true,
  failingSince: { $lte: failingSince },
});
export const disableUpdate = (now: Date): MongoDocument => ({ $set: { enabled: false, disabledAt: now } });

export const recoverFilter = (id: string): MongoDocument => ({ _id: id, failingSince: { $ne: null } });
export const recoverUpdate = (): MongoDocument => ({ $set: { failingSince: null } });

/** A pending, due delivery no attempt holds. */
export const claimFilter = (id: string, now: Date): MongoDocument => ({
  _id: id,
  status: 'pending',
  nextAttemptAt: { $lte: now },
  lockedUntil: { $lte: now },
});
export const claimUpdate = (lockUntil: Date): MongoDocument => ({ $set: { lockedUntil: lockUntil } });

export const earlierPendingFilter = (webhookId: string, orderKey: string, sequence: string): MongoDocument => ({
  webhookId,
  orderKey,
  status: 'pending',
  sequence: { $lt: sequence },
});

export const releaseUpdate = (): MongoDocument => ({ $set: { lockedUntil: UNLOCKED } });

export const finishUpdate = (attempt: WebhookAttempt, status: WebhookDeliveryStatus, nextAttemptAt: Date | null): MongoDocument => ({
  $push: { attempts: { at: attempt.at, statusCode: attempt.statusCode, durationMs: attempt.durationMs, error: attempt.error } },
  $set: { status, nextAttemptAt, lockedUntil: UNLOCKED },
});

export const lineQuery = (webhookId: string, orderKey: string) => ({
  filter: { webhookId, orderKey, status: 'pending' } as MongoDocument,
  sort: { sequence: 1 } as const,
});

/** Delivered and given-up deliveries older than the retention; pending ones always stay. */
export const pruneFilter = (before: Date): MongoDocument => ({ status: { $ne: 'pending' }, createdAt: { $lt: before } });

export const listQuery = (webhookId: string) => ({
  filter: { webhookId } as MongoDocument,
  sort: { createdAt: -1, sequence: -1 } as const,
});

/**
 * Due deliveries, each the head of its line: the pending ones in sequence order, the first of
 * each (webhook, order key), then those due and unheld, soonest first.
 */
export function duePipeline(now: Date, limit: number): MongoDocument[] {
  return [
    { $match: { status: 'pending' } },
    { $sort: { sequence: 1 } },
    { $group: { _id: { webhookId: '$webhookId', orderKey: '$orderKey' }, head: { $first: '$$ROOT' } } },
    { $replaceRoot: { newRoot: '$head' } },
    { $match: { nextAttemptAt: { $lte: now }, lockedUntil: { $lte: now } } },
    { $sort: { nextAttemptAt: 1, _id: 1 } },
    { $limit: limit },
    { $project: { _id: 1, nextAttemptAt: 1, attempts: { $size: '$attempts' } } },
  ];
}
