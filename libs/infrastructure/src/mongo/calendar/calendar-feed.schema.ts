import { Prop, Schema, SchemaFactory } from '@nestjs/mongoose';

/** One private calendar feed per user: `_id` is the user id. */
@Schema({ collection: 'calendar_feeds', versionKey: false, id: false, timestamps: false })
export class CalendarFeedRecord {
  @Prop({ type: String, required: true })
  _id!: string;

  @Prop({ type: String, required: true })
  tokenHash!: string;

  @Prop({ type: Date, required: true })
  createdAt!: Date;
}

export const CalendarFeedSchema = SchemaFactory.createForClass(CalendarFeedRecord);

// The feed request finds its owner by the token hash alone.
CalendarFeedSchema.index({ tokenHash: 1 }, { name: 'token_hash_uq', unique: true });
