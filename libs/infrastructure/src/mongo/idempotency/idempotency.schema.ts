import { Prop, Schema, SchemaFactory } from '@nestjs/mongoose';

export const IDEMPOTENCY_COLLECTION = 'idempotency_keys';

/** One Idempotency-Key of one user: `_id` is `<owner>/<key>` (user ids hold no '/'). */
@Schema({ collection: IDEMPOTENCY_COLLECTION, versionKey: false, id: false, timestamps: false, shardKey: { owner: 'hashed' } })
export class IdempotencyRecord {
  @Prop({ type: String, required: true })
  _id!: string;

  @Prop({ type: String, required: true })
  owner!: string;

  @Prop({ type: String, required: true })
  fingerprint!: string;

  @Prop({ type: Date, required: true })
  expiresAt!: Date;

  /** The first request's response, sealed (base64); absent while it runs. */
  @Prop({ type: String })
  response?: string;
}

export const IdempotencySchema = SchemaFactory.createForClass(IdempotencyRecord);

// MongoDB removes a record once it has expired (the claim treats it as absent before that).
IdempotencySchema.index({ expiresAt: 1 }, { name: 'idempotency_expiry', expireAfterSeconds: 0 });
