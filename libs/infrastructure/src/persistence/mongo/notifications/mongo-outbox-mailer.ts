import { Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import { Clock, type MailMessage, Mailer } from '@primetrade/domain';
import type { Model } from 'mongoose';
import { isDuplicateKey, mongoCall } from '../mongo-errors';
import { toOutboxRecord } from './mappers/outbox.mapper';
import { OutboxRecord } from './schemas/outbox.schema';

/**
 * The default mailer on MongoDB: keeps each message in the `outbox` collection instead of
 * sending it, once per idempotency key (the key is `_id`, so a retried delivery stores nothing
 * new and still resolves).
 */
@Injectable()
export class MongoOutboxMailer extends Mailer {
  constructor(
    @InjectModel(OutboxRecord.name) private readonly outbox: Model<OutboxRecord>,
    private readonly clock: Clock,
  ) {
    super();
  }

  send(message: MailMessage): Promise<void> {
    return mongoCall(async () => {
      try {
        await this.outbox.create(toOutboxRecord(message, this.clock.now()));
      } catch (error) {
        if (!isDuplicateKey(error, '_id')) throw error;
      }
    });
  }
}
