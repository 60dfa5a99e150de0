import { Prop, Schema, SchemaFactory } from '@nestjs/mongoose';

export const USER_PREFERENCES_COLLECTION = 'user_preferences';
export const DAILY_DIGESTS_COLLECTION = 'daily_digests';

/** A user's reminder and digest settings; `_id` is the user id (one document per user, sharded on it). */
@Schema({ collection: USER_PREFERENCES_COLLECTION, versionKey: false, id: false, timestamps: false, shardKey: { _id: 'hashed' } })
export class UserPreferencesRecord {
  @Prop({ type: String, required: true })
  _id!: string;

  @Prop({ type: String, required: true })
  timeZone!: string;

  /** The "due soon" lead in minutes; 0 = none. */
  @Prop({ type: Number, required: true })
  dueSoonMinutes!: number;

  @Prop({ type: Boolean, required: true })
  inApp!: boolean;

  @Prop({ type: Boolean, required: true })
  email!: boolean;

  @Prop({ type: Boolean, required: true })
  digestEnabled!: boolean;

  @Prop({ type: Number, required: true, min: 0, max: 23 })
  digestHour!: number;

  @Prop({ type: Date, default: null })
  updatedAt!: Date | null;
}

export const UserPreferencesSchema = SchemaFactory.createForClass(UserPreferencesRecord);
// The digest pass pages through subscribers by id.
UserPreferencesSchema.index({ _id: 1 }, { name: 'preferences_digest', partialFilterExpression: { digestEnabled: true } });

/**
 * The record that a user's digest of one local day went out: `_id` is `<userId> <YYYY-MM-DD>`, so a
 * second insert is a duplicate key wherever it comes from. `userId` lets the account go with it.
 */
@Schema({ collection: DAILY_DIGESTS_COLLECTION, versionKey: false, id: false, timestamps: false, shardKey: { _id: 'hashed' } })
export class DailyDigestRecord {
  @Prop({ type: String, required: true })
  _id!: string;

  @Prop({ type: String, required: true })
  userId!: string;

  @Prop({ type: String, required: true })
  localDate!: string;

  @Prop({ type: Date, required: true })
  sentAt!: Date;
}

export const DailyDigestSchema = SchemaFactory.createForClass(DailyDigestRecord);
DailyDigestSchema.index({ userId: 1 }, { name: 'daily_digests_user' });
