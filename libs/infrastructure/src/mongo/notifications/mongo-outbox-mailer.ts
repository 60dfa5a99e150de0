import { Injectable, Logger, type OnApplicationBootstrap } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import { Clock, ContentCipher, type MailMessage, Mailer } from '@primetrade/domain';
import type { Model } from 'mongoose';
import { SealedText } from '../../core/notifications/sealed-text';
import type { StoredMail } from '../../core/notifications/stored-mail';
import { isDuplicateKey, mongoCall } from '../connection/mongo.errors';
import { UNSEALED_FILTER } from './notification.mapper';
import { openOutboxRecord, sealOutboxUpdate, toSealedOutboxRecord } from './outbox.mapper';
import { OutboxRecord } from './outbox.schema';

const LEGACY_BATCH = 500;

/**
 * The default mailer on MongoDB: keeps each message in the `outbox` collection instead of
 * sending it, once per idempotency key (the key is `_id`, so a retried delivery stores nothing
 * new and still resolves). Recipient, subject and body are sealed at rest
 * (`outbox/<key>/<to|subject|text>`); documents written before are sealed in the background.
 */
@Injectable()
export class MongoOutboxMailer extends Mailer implements OnApplicationBootstrap {
  private readonly logger = new Logger('MongoOutboxMailer');
  readonly text: SealedText;

  constructor(
    @InjectModel(OutboxRecord.name) private readonly outbox: Model<OutboxRecord>,
    private readonly clock: Clock,
    cipher: ContentCipher,
  ) {
    super();
    this.text = new SealedText(cipher);
  }

  onApplicationBootstrap(): void {
    this.sealLegacyMessages().catch((error: Error) =>
      this.logger.warn(`sealing mail stored before encryption stopped (resumes at next start): ${error.message}`),
    );
  }

  /** The stored message under an idempotency key, opened (operators and tests read it here). */
  find(idempotencyKey: string): Promise<StoredMail | null> {
    return mongoCall(async () => {
      const record = await this.outbox.findOne({ _id: idempotencyKey }).read('primary').lean<OutboxRecord>().exec();
      return record ? openOutboxRecord(record, this.text) : null;
    });
  }

  /** Seals documents written before encryption, in batches; idempotent and resumable. */
  async sealLegacyMessages(): Promise<number> {
    let sealed = 0;
    for (;;) {
      const batch = await this.outbox.find(UNSEALED_FILTER).limit(LEGACY_BATCH).read('primary').lean<OutboxRecord[]>().exec();
      if (batch.length === 0) break;
      const result = await this.outbox.bulkWrite(
        batch.map((record) => ({ updateOne: sealOutboxUpdate(record, this.text) })),
        { ordered: false },
      );
      sealed += result.modifiedCount;
      if (result.modifiedCount === 0) break;
    }
    if (sealed > 0) this.logger.log(`encrypted recipient, subject and body of ${sealed} stored mail(s)`);
    return sealed;
  }

  send(message: MailMessage): Promise<void> {
    return mongoCall(async () => {
      try {
        await this.outbox.create(toSealedOutboxRecord(message, this.clock.now(), this.text));
      } catch (error) {
        if (!isDuplicateKey(error, '_id')) throw error;
      }
    });
  }
}
