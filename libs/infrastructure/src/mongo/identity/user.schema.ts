import { Prop, Schema, SchemaFactory } from '@nestjs/mongoose';

@Schema({ collection: 'users', versionKey: false, id: false, timestamps: false })
export class UserRecord {
  @Prop({ type: String, required: true })
  _id!: string;

  @Prop({ type: String, required: true })
  name!: string;

  /** Sealed (AES-256-GCM, base64) like `name`; plaintext only in documents written before encryption. */
  @Prop({ type: String, required: true })
  email!: string;

  /**
   * Blind index of the normalised email (HMAC-SHA-256 under BLIND_INDEX_KEY): what the unique
   * index and the login use. Absent only on documents not yet sealed.
   */
  @Prop({ type: String })
  emailIndex?: string;

  @Prop({ type: String, required: true })
  passwordHash!: string;

  @Prop({ type: Boolean, required: true })
  isActive!: boolean;

  /** When the address was confirmed; null (or absent on documents from before) until then. */
  @Prop({ type: Date, default: null })
  emailConfirmedAt?: Date | null;

  @Prop({ type: Date, required: true })
  createdAt!: Date;

  @Prop({ type: Date, required: true })
  updatedAt!: Date;
}

export const UserSchema = SchemaFactory.createForClass(UserRecord);

/** Name of the unique email index; a duplicate-key error on it is EmailAlreadyRegisteredError. */
export const USER_EMAIL_INDEX = 'email_unique';

/** Name of the unique blind-index index; a duplicate-key error on it is EmailAlreadyRegisteredError. */
export const USER_EMAIL_BLIND_INDEX = 'emailIndex_unique';

// The unique index decides on concurrent sign-ups (no check-then-insert race). On sealed
// documents `email` is a random-IV ciphertext, so it is the blind index that decides; the email
// index stays for documents not yet sealed.
UserSchema.index({ email: 1 }, { name: USER_EMAIL_INDEX, unique: true });
UserSchema.index(
  { emailIndex: 1 },
  { name: USER_EMAIL_BLIND_INDEX, unique: true, partialFilterExpression: { emailIndex: { $exists: true } } },
);
UserSchema.index({ isActive: 1, createdAt: -1 }, { name: 'isActive_createdAt' });
