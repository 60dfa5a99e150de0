import { Inject, Injectable } from '@nestjs/common';
import { getConnectionToken } from '@nestjs/mongoose';
import { AccountEraser } from '@primetrade/domain';
import type { Connection } from 'mongoose';
import { mongoCall } from '../connection/mongo.errors';
import { accountErasure, ownerAttachmentKeysFilter } from './account-erasure.filter';

/** Erases a user from MongoDB in one session transaction (a replica set, as the app requires). */
@Injectable()
export class MongoAccountEraser extends AccountEraser {
  constructor(@Inject(getConnectionToken()) private readonly connection: Connection) {
    super();
  }

  erase(userId: string): Promise<{ fileKeys: string[] }> {
    return mongoCall(async () => {
      const db = this.connection.db;
      if (!db) throw new Error('MongoDB is not connected');
      const session = await this.connection.startSession();
      let fileKeys: string[] = [];
      try {
        await session.withTransaction(async () => {
          const attachments = await db
            .collection<{ _id: string }>('attachments')
            .find(ownerAttachmentKeysFilter(userId), { projection: { _id: 1 }, session })
            .toArray();
          fileKeys = attachments.map((a) => a._id);
          for (const step of accountErasure(userId)) await db.collection(step.collection).deleteMany(step.filter, { session });
        });
      } finally {
        await session.endSession();
      }
      return { fileKeys };
    });
  }
}
