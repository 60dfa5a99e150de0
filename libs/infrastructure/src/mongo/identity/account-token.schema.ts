import { Prop, Schema, SchemaFactory } from '@nestjs/mongoose';

/** A password-reset token: `_id` is its hash. */
@Schema({ collection: 'password_resets', versionKey: false, id: false, timestamps: false })
export class PasswordResetRecord {
  @Prop({ type: String, required: true })
  _id!: string;

  @Prop({ type: String, required: true })
  userId!: string;

  @Prop({ type: Date, required: true })
  expiresAt!: Date;

  @Prop({ type: Date, default: null })
  usedAt!: Date | null;

  @Prop({ type: Date, required: true })
  createdAt!: Date;
}

export const PasswordResetSchema = SchemaFactory.createForClass(PasswordResetRecord);

// MongoDB removes a token once it has expired.
PasswordResetSchema.index({ expiresAt: 1 }, { name: 'password_reset_expiry', expireAfterSeconds: 0 });
