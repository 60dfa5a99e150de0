import { Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import { CalendarFeedRepository } from '@primetrade/domain';
import type { Model } from 'mongoose';
import { mongoCall } from '../connection/mongo.errors';
import { CalendarFeedRecord } from './calendar-feed.schema';

/** Calendar feeds on MongoDB (collection `calendar_feeds`, unique token hash). */
@Injectable()
export class MongoCalendarFeedRepository extends CalendarFeedRepository {
  constructor(@InjectModel(CalendarFeedRecord.name) private readonly feeds: Model<CalendarFeedRecord>) {
    super();
  }

  save(ownerId: string, tokenHash: string, now: Date): Promise<void> {
    return mongoCall(async () => {
      await this.feeds.updateOne({ _id: ownerId }, { $set: { tokenHash, createdAt: now } }, { upsert: true }).exec();
    });
  }

  revoke(ownerId: string): Promise<boolean> {
    return mongoCall(async () => (await this.feeds.deleteOne({ _id: ownerId }).exec()).deletedCount === 1);
  }

  findOwner(tokenHash: string): Promise<string | null> {
    return mongoCall(async () => {
      const record = await this.feeds.findOne({ tokenHash }).read('primary').lean<CalendarFeedRecord>().exec();
      return record?._id ?? null;
    });
  }
}
