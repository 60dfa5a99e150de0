import { Prop, Schema, SchemaFactory } from '@nestjs/mongoose';

export const OUTBOX_COLLECTION = 'outbox';

/**
 * A mail message kept instead of sent (the default mailer). `_id` is the message's
 * idempotency key, so storing the same message twice is a duplicate key, not a second copy;
 * as the (hashed) shard key too, that holds on a sharded cluster.
 */
@Schema({ collection: OUTBOX_COLLECTION, versionKey: false, id: false, timestamps: false, shardKey: { _id: 'hashed' } })
export class OutboxRecord {
  /** The message's idempotency key (the notification key, e.g. `task-due:<taskId>`). */
  @Prop({ type: String, required: true })
  _id!: string;

  /** Whose mail it is (erased with the account); absent on documents written before. */
  @Prop({ type: String })
  owner?: string;

  @Prop({ type: String, required: true })
  recipient!: string;

  @Prop({ type: String, default: '' })
  subject!: string;

  @Prop({ type: String, default: '' })
  body!: string;

  @Prop({ type: Date, required: true })
  createdAt!: Date;

  /** true: recipient, subject and body are sealed (ContentCipher, `outbox/<_id>/<to|subject|text>`); absent on documents written before. */
  @Prop({ type: Boolean })
  sealed?: boolean;
}

export const OutboxSchema = SchemaFactory.createForClass(OutboxRecord);

// An account's stored mail, found to erase it with the account.
OutboxSchema.index({ owner: 1 }, { name: 'outbox_owner', partialFilterExpression: { owner: { $exists: true } } });
