import { Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import { type Attachment, AttachmentRepository } from '@primetrade/domain';
import type { ClientSession, Model } from 'mongoose';
import { isDuplicateKey, mongoCall } from '../connection/mongo.errors';
import {
  ATTACHMENT_COUNTS,
  countKey,
  firstCount,
  releaseFilter,
  releasePlaceUpdate,
  roomFilter,
  takePlaceUpdate,
} from './attachment-count.filter';
import { attachmentFilter, ownerAttachmentsFilter, taskAttachmentsFilter, toAttachment, toAttachmentRecord } from './attachment.mapper';
import { AttachmentRecord } from './attachment.schema';

/** Attachment metadata on MongoDB. */
@Injectable()
export class MongoAttachmentRepository extends AttachmentRepository {
  constructor(@InjectModel(AttachmentRecord.name) private readonly attachments: Model<AttachmentRecord>) {
    super();
  }

  /**
   * In one transaction: take a place on the task's count with a conditional update (only while
   * count < max), then insert. Concurrent uploads to one task conflict on the count document and
   * are retried by the driver one after the other, so the limit holds exactly. A task's first
   * count is initialised from its attachments as they are (the insert of two racing initialisers
   * collides on `_id` and one retries). Needs a replica set, as the app does.
   */
  insertWithinLimit(attachment: Attachment, maxPerTask: number): Promise<boolean> {
    return mongoCall(async () => {
      for (let attempt = 0; ; attempt++) {
        try {
          return await this.inTransaction(async (session) => {
            const { ownerId, taskId } = attachment;
            const counts = this.counts();
            const took = await counts.updateOne(roomFilter(ownerId, taskId, maxPerTask) as never, takePlaceUpdate, { session });
            if (took.matchedCount === 0) {
              if (await counts.findOne({ _id: countKey(ownerId, taskId) } as never, { session })) return false; // full
              const existing = await this.attachments.countDocuments(taskAttachmentsFilter(ownerId, taskId)).session(session).exec();
              if (existing >= maxPerTask) return false;
              await counts.insertOne(firstCount(ownerId, taskId, existing + 1) as never, { session });
            }
            await this.attachments.create([toAttachmentRecord(attachment)], { session });
            return true;
          });
        } catch (error) {
          // Two first uploads initialised the count at once: the loser runs again and finds it.
          if (!isDuplicateKey(error) || attempt >= 2) throw error;
        }
      }
    });
  }

  private counts() {
    return this.attachments.db.collection<{ _id: string; count: number }>(ATTACHMENT_COUNTS);
  }

  private async inTransaction<T>(work: (session: ClientSession) => Promise<T>): Promise<T> {
    const session = await this.attachments.db.startSession();
    try {
      let result: T | undefined;
      await session.withTransaction(async () => {
        result = await work(session);
      });
      return result as T;
    } finally {
      await session.endSession();
    }
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

  listByOwner(ownerId: string): Promise<Attachment[]> {
    return mongoCall(async () => {
      const records = await this.attachments
        .find(ownerAttachmentsFilter(ownerId))
        .sort({ owner: 1, taskId: 1, createdAt: 1, _id: 1 })
        .read('primary')
        .lean<AttachmentRecord[]>()
        .exec();
      return records.map(toAttachment);
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

  /** The delete and the count's decrement in one transaction. */
  delete(ownerId: string, taskId: string, id: string): Promise<boolean> {
    return mongoCall(() =>
      this.inTransaction(async (session) => {
        const deleted =
          (
            await this.attachments
              .deleteOne(attachmentFilter(ownerId, taskId, id))
              .session(session)
              .exec()
          ).deletedCount === 1;
        if (deleted) await this.counts().updateOne(releaseFilter(ownerId, taskId) as never, releasePlaceUpdate, { session });
        return deleted;
      }),
    );
  }
}
