import { dueSoonLeadFromMinutes, dueSoonLeadMinutes, UserPreferences } from '@primetrade/domain';
import type { MongoDocument, MongoSort } from '../connection/mongo-query.types';
import type { DailyDigestRecord, UserPreferencesRecord } from './user-preferences.schema';

export function toPreferencesRecord(p: UserPreferences): UserPreferencesRecord {
  return {
    _id: p.userId,
    timeZone: p.timeZone,
    dueSoonMinutes: dueSoonLeadMinutes(p.dueSoonLead),
    inApp: p.inApp,
    email: p.email,
    digestEnabled: p.digestEnabled,
    digestHour: p.digestHour,
    updatedAt: p.updatedAt,
  };
}

export function toPreferences(r: UserPreferencesRecord): UserPreferences {
  return UserPreferences.restore({
    userId: r._id,
    timeZone: r.timeZone,
    dueSoonLead: dueSoonLeadFromMinutes(r.dueSoonMinutes),
    inApp: r.inApp,
    email: r.email,
    digestEnabled: r.digestEnabled,
    digestHour: r.digestHour,
    updatedAt: r.updatedAt ?? null,
  });
}

/** The preferences of these users: `_id $in`, each a targeted probe of the shard key. */
export const preferencesOfUsersFilter = (userIds: readonly string[]): MongoDocument => ({ _id: { $in: [...userIds] } });

/** Digest subscribers after `afterUserId`, by id (the partial `preferences_digest` index). */
export function digestSubscribersQuery(afterUserId: string | null): { filter: MongoDocument; sort: MongoSort } {
  return {
    filter: afterUserId === null ? { digestEnabled: true } : { digestEnabled: true, _id: { $gt: afterUserId } },
    sort: { _id: 1 },
  };
}

/** The digest record of a user's local day; its `_id` is the unique rule. */
export function digestRecord(userId: string, localDate: string, now: Date): DailyDigestRecord {
  return { _id: `${userId} ${localDate}`, userId, localDate, sentAt: now };
}
