import { Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import { type Attachment, AttachmentRepository } from '@primetrade/domain';
import type { Model } from 'mongoose';
import { mongoCall } from '../connection/mongo.errors';
import { attachmentFilter, taskAttachmentsFilter, toAttachment, toAttachmentRecord } from './attachment.mapper';
import { AttachmentRecord } from './attachment.schema';

/** Attachment metadata on MongoDB. */
@Injectable()
export class MongoAttachmentRepository extends AttachmentRepository {
  constructor(@InjectModel(AttachmentRecord.name) private readonly attachments: Model<AttachmentRecord>) {
    super();
  }

  /**
   * Count, then insert. Not atomic across concurrent uploads to one task (MongoDB has no
   * conditional insert on a count): at worst each concurrent upload passes the check, so the
   * limit can be exceeded by the number of uploads racing for the last place.
   */
  insertWithinLimit(attachment: Attachment, maxPerTask: number): Promise<boolean> {
    return mongoCall(async () => {
      const count = await this.attachments
        .countDocuments(taskAttachmentsFilter(attachment.ownerId, attachment.taskId))
        .read('primary')
        .exec();
      if (count >= maxPerTask) return false;
      await this.attachments.create(toAttachmentRecord(attachment));
      return true;
    });
  }

  countByTask(ownerId: string, taskId: string): Promise<number> {
    return mongoCall(() => this.attachments.countDocuments(taskAttachmentsFilter(ownerId, taskId)).read('primary').exec());
  }

  findById(ownerId: string, taskId: string, id: string): Promise<Attachment | null> {
    return mongoCall(async () => {
      const record = await this.attachments
        .findOne(attachmentFilter(ownerId, taskId, id))
        .read('primary')
        .lean<AttachmentRecord>()
        .exec();
      return record ? toAttachment(record) : null;
    });
  }

  listByTask(ownerId: string, taskId: string): Promise<Attachment[]> {
    return mongoCall(async () => {
      const records = await this.attachments
        .find(taskAttachmentsFilter(ownerId, taskId))
        .sort({ createdAt: 1, _id: 1 })
        .read('primary')
        .lean<AttachmentRecord[]>()
        .exec();
      return records.map(toAttachment);
    });
  }

  delete(ownerId: string, taskId: string, id: string): Promise<boolean> {
    return mongoCall(async () => (await this.attachments.deleteOne(attachmentFilter(ownerId, taskId, id)).exec()).deletedCount === 1);
  }
}
