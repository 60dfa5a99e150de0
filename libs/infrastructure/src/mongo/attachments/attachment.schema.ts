import { Prop, Schema, SchemaFactory } from '@nestjs/mongoose';
import { ALLOWED_CONTENT_TYPES, type AttachmentContentType } from '@primetrade/domain';

/** Attachment metadata; the content is in GridFS (bucket `attachments`) under the same id. */
@Schema({ collection: 'attachments', versionKey: false, id: false, timestamps: false, shardKey: { owner: 'hashed' } })
export class AttachmentRecord {
  @Prop({ type: String, required: true })
  _id!: string;

  /** The owner's user id, under the same shard-key name as tasks. */
  @Prop({ type: String, required: true })
  owner!: string;

  @Prop({ type: String, required: true })
  taskId!: string;

  @Prop({ type: String, required: true })
  fileName!: string;

  @Prop({ type: String, required: true, enum: ALLOWED_CONTENT_TYPES })
  contentType!: AttachmentContentType;

  @Prop({ type: Number, required: true, min: 0 })
  size!: number;

  @Prop({ type: Date, required: true })
  createdAt!: Date;
}

export const AttachmentSchema = SchemaFactory.createForClass(AttachmentRecord);

// Listing and counting a task's attachments, oldest first; owner first as on every task query.
AttachmentSchema.index({ owner: 1, taskId: 1, createdAt: 1, _id: 1 }, { name: 'owner_task_created' });
