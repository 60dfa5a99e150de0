import { Prop, Schema, SchemaFactory } from '@nestjs/mongoose';

@Schema({ collection: 'users', versionKey: false, id: false, timestamps: false })
export class UserRecord {
  @Prop({ type: String, required: true })
  _id!: string;

  @Prop({ type: String, required: true })
  name!: string;

  /** Normalised (trimmed, lower-case) by the domain, so the unique index is case-insensitive. */
  @Prop({ type: String, required: true })
  email!: string;

  @Prop({ type: String, required: true })
  passwordHash!: string;

  @Prop({ type: Boolean, required: true })
  isActive!: boolean;

  @Prop({ type: Date, required: true })
  createdAt!: Date;

  @Prop({ type: Date, required: true })
  updatedAt!: Date;
}

export const UserSchema = SchemaFactory.createForClass(UserRecord);

/** Name of the unique email index; a duplicate-key error on it is EmailAlreadyRegisteredError. */
export const USER_EMAIL_INDEX = 'email_unique';

// The unique index decides on concurrent sign-ups (no check-then-insert race).
UserSchema.index({ email: 1 }, { name: USER_EMAIL_INDEX, unique: true });
UserSchema.index({ isActive: 1, createdAt: -1 }, { name: 'isActive_createdAt' });
