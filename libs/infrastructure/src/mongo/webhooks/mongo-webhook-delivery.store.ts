import { Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import {
  type DueWebhookDelivery,
  type WebhookAttempt,
  type WebhookDelivery,
  type WebhookDeliveryStatus,
  WebhookDeliveryStore,
  type WebhookEventType,
} from '@primetrade/domain';
import type { Model } from 'mongoose';
import { mongoCall } from '../connection/mongo.errors';
import {
  claimFilter,
  claimUpdate,
  duePipeline,
  earlierPendingFilter,
  finishUpdate,
  lineQuery,
  listQuery,
  pruneFilter,
  releaseUpdate,
  UNLOCKED,
} from './webhook.filter';
import { WebhookDeliveryRecord } from './webhook.schema';

/** The delivery queue on MongoDB (collection `webhook_deliveries`); every race decided by a conditional write. */
@Injectable()
export class MongoWebhookDeliveryStore extends WebhookDeliveryStore {
  constructor(@InjectModel(WebhookDeliveryRecord.name) private readonly deliveries: Model<WebhookDeliveryRecord>) {
    super();
  }

  enqueue(deliveries: readonly WebhookDelivery[]): Promise<void> {
    if (deliveries.length === 0) return Promise.resolve();
    return mongoCall(async () => {
      // Insert-if-absent by id: a replayed event matches its row and changes nothing.
      await this.deliveries.bulkWrite(
        deliveries.map((d) => {
          const { id, ...rest } = d;
          return { updateOne: { filter: { _id: id }, update: { $setOnInsert: { ...rest, lockedUntil: UNLOCKED } }, upsert: true } };
        }),
        { ordered: false },
      );
    });
  }

  claim(id: string, now: Date, lockUntil: Date): Promise<WebhookDelivery | null> {
    return mongoCall(async () => {
      const record = await this.deliveries
        .findOneAndUpdate(claimFilter(id, now), claimUpdate(lockUntil), { new: true })
        .lean<WebhookDeliveryRecord>()
        .exec();
      return record ? toDomain(record) : null;
    });
  }

  isHeadOfLine(d: WebhookDelivery): Promise<boolean> {
    return mongoCall(async () => !(await this.deliveries.exists(earlierPendingFilter(d.webhookId, d.orderKey, d.sequence)).exec()));
  }

  release(id: string): Promise<void> {
    return mongoCall(async () => {
      await this.deliveries.updateOne({ _id: id }, releaseUpdate()).exec();
    });
  }

  finishAttempt(id: string, attempt: WebhookAttempt, status: WebhookDeliveryStatus, nextAttemptAt: Date | null): Promise<void> {
    return mongoCall(async () => {
      await this.deliveries.updateOne({ _id: id }, finishUpdate(attempt, status, nextAttemptAt)).exec();
    });
  }

  nextInLine(webhookId: string, orderKey: string): Promise<WebhookDelivery | null> {
    const { filter, sort } = lineQuery(webhookId, orderKey);
    return mongoCall(async () => {
      const record = await this.deliveries.findOne(filter).sort(sort).lean<WebhookDeliveryRecord>().exec();
      return record ? toDomain(record) : null;
    });
  }

  due(now: Date, limit: number): Promise<DueWebhookDelivery[]> {
    return mongoCall(async () => {
      const rows = await this.deliveries
        .aggregate<{ _id: string; nextAttemptAt: Date; attempts: number }>(duePipeline(now, limit) as never)
        .exec();
      return rows.map((r) => ({ id: r._id, attempts: r.attempts, at: r.nextAttemptAt }));
    });
  }

  prune(before: Date): Promise<number> {
    return mongoCall(async () => (await this.deliveries.deleteMany(pruneFilter(before)).exec()).deletedCount);
  }

  list(webhookId: string, limit: number): Promise<WebhookDelivery[]> {
    const { filter, sort } = listQuery(webhookId);
    return mongoCall(async () => {
      const records = await this.deliveries.find(filter).sort(sort).limit(limit).lean<WebhookDeliveryRecord[]>().exec();
      return records.map(toDomain);
    });
  }
}

export function toDomain(r: WebhookDeliveryRecord): WebhookDelivery {
  return {
    id: r._id,
    webhookId: r.webhookId,
    ownerId: r.ownerId,
    eventType: r.eventType as WebhookEventType,
    orderKey: r.orderKey,
    sequence: r.sequence,
    payload: r.payload,
    status: r.status as WebhookDeliveryStatus,
    attempts: (r.attempts ?? []).map((a) => ({
      at: a.at,
      statusCode: a.statusCode ?? null,
      durationMs: a.durationMs,
      error: a.error ?? null,
    })),
    nextAttemptAt: r.nextAttemptAt ?? null,
    createdAt: r.createdAt,
  };
}
