import { Prop, Schema, SchemaFactory } from '@nestjs/mongoose';
import { WEBHOOK_DELIVERY_STATUSES, WEBHOOK_EVENT_TYPES } from '@primetrade/domain';

/** A webhook endpoint; `secret` is a ContentCipher sealed value (base64). */
@Schema({ collection: 'webhooks', versionKey: false, id: false, timestamps: false })
export class WebhookRecord {
  @Prop({ type: String, required: true }) _id!: string;
  @Prop({ type: String, required: true }) ownerId!: string;
  @Prop({ type: String, required: true }) url!: string;
  @Prop({ type: [String], enum: WEBHOOK_EVENT_TYPES, required: true }) events!: string[];
  @Prop({ type: Boolean, required: true }) enabled!: boolean;
  @Prop({ type: String, required: true }) secret!: string;
  @Prop({ type: Date, required: true }) createdAt!: Date;
  @Prop({ type: Date, required: true }) updatedAt!: Date;
  @Prop({ type: Date, default: null }) failingSince!: Date | null;
  @Prop({ type: Date, default: null }) disabledAt!: Date | null;
}

export const WebhookSchema = SchemaFactory.createForClass(WebhookRecord);
// The owner's list, and the subscribers of an event (owner first: the shard key of the user's data).
WebhookSchema.index({ ownerId: 1, createdAt: 1, _id: 1 }, { name: 'owner_created' });

export interface WebhookAttemptDoc {
  at: Date;
  statusCode: number | null;
  durationMs: number;
  error: string | null;
}

/** One event for one endpoint: `_id` is the stable delivery id (`webhook-id`). */
@Schema({ collection: 'webhook_deliveries', versionKey: false, id: false, timestamps: false })
export class WebhookDeliveryRecord {
  @Prop({ type: String, required: true }) _id!: string;
  @Prop({ type: String, required: true }) webhookId!: string;
  @Prop({ type: String, required: true }) ownerId!: string;
  @Prop({ type: String, enum: WEBHOOK_EVENT_TYPES, required: true }) eventType!: string;
  @Prop({ type: String, required: true }) orderKey!: string;
  @Prop({ type: String, required: true }) sequence!: string;
  @Prop({ type: String, required: true }) payload!: string;
  @Prop({ type: String, enum: WEBHOOK_DELIVERY_STATUSES, required: true }) status!: string;
  @Prop({ type: [{ _id: false, at: Date, statusCode: Number, durationMs: Number, error: String }], default: [] })
  attempts!: WebhookAttemptDoc[];
  @Prop({ type: Date, default: null }) nextAttemptAt!: Date | null;
  /** Held by one attempt until then (epoch when free). */
  @Prop({ type: Date, required: true }) lockedUntil!: Date;
  @Prop({ type: Date, required: true }) createdAt!: Date;
}

export const WebhookDeliverySchema = SchemaFactory.createForClass(WebhookDeliveryRecord);
const PENDING = { partialFilterExpression: { status: 'pending' } };
// The head of each line (one task at one endpoint) and the due scan look at pending deliveries only.
WebhookDeliverySchema.index({ webhookId: 1, orderKey: 1, sequence: 1 }, { name: 'pending_line', ...PENDING });
WebhookDeliverySchema.index({ nextAttemptAt: 1 }, { name: 'pending_due', ...PENDING });
WebhookDeliverySchema.index({ webhookId: 1, createdAt: -1, sequence: -1 }, { name: 'webhook_list' });
