import { Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import { ContentCipher, Webhook, type WebhookEventType, type WebhookFailureOutcome, WebhookRepository } from '@primetrade/domain';
import type { Model } from 'mongoose';
import { SealedText } from '../../core/notifications/sealed-text';
import { webhookSecretContext } from '../../core/webhooks/webhook-secret-sealing';
import { mongoCall } from '../connection/mongo.errors';
import {
  disableFilter,
  disableUpdate,
  ownedFilter,
  recoverFilter,
  recoverUpdate,
  startFailingFilter,
  startFailingUpdate,
  subscribersFilter,
} from './webhook.filter';
import { WebhookDeliveryRecord, WebhookRecord } from './webhook.schema';

/** Webhooks on MongoDB (collection `webhooks`); the signing secret sealed at rest. */
@Injectable()
export class MongoWebhookRepository extends WebhookRepository {
  private readonly text: SealedText;

  constructor(
    @InjectModel(WebhookRecord.name) private readonly webhooks: Model<WebhookRecord>,
    @InjectModel(WebhookDeliveryRecord.name) private readonly deliveries: Model<WebhookDeliveryRecord>,
    cipher: ContentCipher,
  ) {
    super();
    this.text = new SealedText(cipher);
  }

  insert(webhook: Webhook): Promise<void> {
    const { id, secret, ...rest } = webhook.toProps();
    return mongoCall(async () => {
      await this.webhooks.create({ _id: id, ...rest, secret: this.text.seal(secret, webhookSecretContext(id)) });
    });
  }

  update(webhook: Webhook): Promise<void> {
    const p = webhook.toProps();
    return mongoCall(async () => {
      await this.webhooks
        .updateOne(
          { _id: p.id },
          {
            $set: {
              url: p.url,
              events: p.events,
              enabled: p.enabled,
              updatedAt: p.updatedAt,
              failingSince: p.failingSince,
              disabledAt: p.disabledAt,
            },
          },
        )
        .exec();
    });
  }

  findOwned(ownerId: string, id: string): Promise<Webhook | null> {
    return this.findOne(ownedFilter(ownerId, id));
  }

  findById(id: string): Promise<Webhook | null> {
    return this.findOne({ _id: id });
  }

  listOwned(ownerId: string): Promise<Webhook[]> {
    return this.findMany({ ownerId });
  }

  delete(ownerId: string, id: string): Promise<boolean> {
    return mongoCall(async () => {
      const deleted = (await this.webhooks.deleteOne(ownedFilter(ownerId, id)).exec()).deletedCount === 1;
      // An attempt that still finds one of these fails it: the webhook is gone.
      if (deleted) await this.deliveries.deleteMany({ webhookId: id }).exec();
      return deleted;
    });
  }

  subscribers(ownerId: string, event: WebhookEventType, occurredAt: Date): Promise<Webhook[]> {
    return this.findMany(subscribersFilter(ownerId, event, occurredAt));
  }

  recordFailure(id: string, now: Date, disableIfFailingSince: Date): Promise<WebhookFailureOutcome> {
    return mongoCall(async () => {
      await this.webhooks.updateOne(startFailingFilter(id), startFailingUpdate(now)).exec();
      const disabled = await this.webhooks.updateOne(disableFilter(id, disableIfFailingSince), disableUpdate(now)).exec();
      return disabled.modifiedCount === 1 ? 'disabled' : 'failing';
    });
  }

  recordSuccess(id: string): Promise<void> {
    return mongoCall(async () => {
      await this.webhooks.updateOne(recoverFilter(id), recoverUpdate()).exec();
    });
  }

  private findOne(filter: Record<string, unknown>): Promise<Webhook | null> {
    return mongoCall(async () => {
      const record = await this.webhooks.findOne(filter).read('primary').lean<WebhookRecord>().exec();
      return record ? this.toDomain(record) : null;
    });
  }

  private findMany(filter: Record<string, unknown>): Promise<Webhook[]> {
    return mongoCall(async () => {
      const records = await this.webhooks.find(filter).sort({ createdAt: 1, _id: 1 }).read('primary').lean<WebhookRecord[]>().exec();
      return records.map((r) => this.toDomain(r));
    });
  }

  private toDomain(r: WebhookRecord): Webhook {
    return Webhook.restore({
      id: r._id,
      ownerId: r.ownerId,
      url: r.url,
      events: r.events as WebhookEventType[],
      enabled: r.enabled,
      secret: this.text.open(r.secret, webhookSecretContext(r._id)),
      createdAt: r.createdAt,
      updatedAt: r.updatedAt,
      failingSince: r.failingSince ?? null,
      disabledAt: r.disabledAt ?? null,
    });
  }
}
