import { Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import { type UserPreferences, UserPreferencesRepository } from '@primetrade/domain';
import type { Model } from 'mongoose';
import { isDuplicateKey, mongoCall } from '../connection/mongo.errors';
import {
  digestRecord,
  digestSubscribersQuery,
  preferencesOfUsersFilter,
  toPreferences,
  toPreferencesRecord,
} from './user-preferences.filter';
import { DailyDigestRecord, UserPreferencesRecord } from './user-preferences.schema';

/** Preferences in `user_preferences`, digest records in `daily_digests` (unique `_id`). */
@Injectable()
export class MongoUserPreferencesRepository extends UserPreferencesRepository {
  constructor(
    @InjectModel(UserPreferencesRecord.name) private readonly preferences: Model<UserPreferencesRecord>,
    @InjectModel(DailyDigestRecord.name) private readonly digests: Model<DailyDigestRecord>,
  ) {
    super();
  }

  find(userId: string): Promise<UserPreferences | null> {
    return mongoCall(async () => {
      const record = await this.preferences.findById(userId).lean<UserPreferencesRecord>().exec();
      return record ? toPreferences(record) : null;
    });
  }

  findMany(userIds: readonly string[]): Promise<Map<string, UserPreferences>> {
    return mongoCall(async () => {
      const found = new Map<string, UserPreferences>();
      if (userIds.length === 0) return found;
      const records = await this.preferences.find(preferencesOfUsersFilter(userIds)).lean<UserPreferencesRecord[]>().exec();
      for (const r of records) found.set(r._id, toPreferences(r));
      return found;
    });
  }

  save(p: UserPreferences): Promise<void> {
    return mongoCall(async () => {
      const record = toPreferencesRecord(p);
      await this.preferences.replaceOne({ _id: record._id }, record, { upsert: true }).exec();
    });
  }

  digestSubscribers(afterUserId: string | null, limit: number): Promise<UserPreferences[]> {
    return mongoCall(async () => {
      const { filter, sort } = digestSubscribersQuery(afterUserId);
      const records = await this.preferences.find(filter).sort(sort).limit(limit).lean<UserPreferencesRecord[]>().exec();
      return records.map(toPreferences);
    });
  }

  claimDigest(userId: string, localDate: string, now: Date): Promise<boolean> {
    return mongoCall(async () => {
      try {
        await this.digests.create(digestRecord(userId, localDate, now));
        return true;
      } catch (error) {
        if (isDuplicateKey(error)) return false;
        throw error;
      }
    });
  }

  releaseDigest(userId: string, localDate: string): Promise<void> {
    return mongoCall(async () => {
      await this.digests.deleteOne({ _id: digestRecord(userId, localDate, new Date(0))._id }).exec();
    });
  }
}
