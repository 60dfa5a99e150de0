import { Prop, Schema, SchemaFactory } from '@nestjs/mongoose';
import type { AccountTokenPurpose } from '@primetrade/domain';

/** A single-use account token: `_id` is its hash. */
@Schema({ collection: 'account_tokens', versionKey: false, id: false, timestamps: false })
export class AccountTokenRecord {
  @Prop({ type: String, required: true })
  _id!: string;

  @Prop({ type: String, required: true, enum: ['password-reset', 'email-confirmation'] })
  purpose!: AccountTokenPurpose;

  @Prop({ type: String, required: true })
  userId!: string;

  /** The address a confirmation is for, sealed (AES-256-GCM, base64) like the users' emails; null for a reset. */
  @Prop({ type: String, default: null })
  email!: string | null;

  @Prop({ type: Date, required: true })
  expiresAt!: Date;

  @Prop({ type: Date, default: null })
  usedAt!: Date | null;

  @Prop({ type: Date, required: true })
  createdAt!: Date;
}

export const AccountTokenSchema = SchemaFactory.createForClass(AccountTokenRecord);

// MongoDB removes a token once it has expired.
AccountTokenSchema.index({ expiresAt: 1 }, { name: 'account_token_expiry', expireAfterSeconds: 0 });
// An account's tokens, found to delete them with the account.
AccountTokenSchema.index({ userId: 1 }, { name: 'account_token_user' });
