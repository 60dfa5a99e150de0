import { Injectable } from '@nestjs/common';
import { dueSoonLeadFromMinutes, dueSoonLeadMinutes, UserPreferences, UserPreferencesRepository } from '@primetrade/domain';
import { SqliteDatabase } from '../database/sqlite-database';

interface PreferencesRow {
  user_id: string;
  time_zone: string;
  due_soon_minutes: number;
  in_app: number;
  email: number;
  digest_enabled: number;
  digest_hour: number;
  updated_at: number | null;
}

const toDomain = (r: PreferencesRow): UserPreferences =>
  UserPreferences.restore({
    userId: r.user_id,
    timeZone: r.time_zone,
    dueSoonLead: dueSoonLeadFromMinutes(r.due_soon_minutes),
    inApp: r.in_app === 1,
    email: r.email === 1,
    digestEnabled: r.digest_enabled === 1,
    digestHour: r.digest_hour,
    updatedAt: r.updated_at === null ? null : new Date(r.updated_at),
  });

/** Preferences in `user_preferences`, digest records in `daily_digests` (migration 21). */
@Injectable()
export class SqliteUserPreferencesRepository extends UserPreferencesRepository {
  constructor(private readonly sqlite: SqliteDatabase) {
    super();
  }

  async find(userId: string): Promise<UserPreferences | null> {
    const row = this.sqlite.statement('SELECT * FROM user_preferences WHERE user_id = ?').get(userId) as PreferencesRow | undefined;
    return row ? toDomain(row) : null;
  }

  async findMany(userIds: readonly string[]): Promise<Map<string, UserPreferences>> {
    const found = new Map<string, UserPreferences>();
    if (userIds.length === 0) return found;
    // json_each binds the whole list as one parameter: one cached statement for any length.
    const rows = this.sqlite
      .statement('SELECT * FROM user_preferences WHERE user_id IN (SELECT value FROM json_each(?))')
      .all(JSON.stringify(userIds)) as PreferencesRow[];
    for (const row of rows) found.set(row.user_id, toDomain(row));
    return found;
  }

  async save(p: UserPreferences): Promise<void> {
    this.sqlite
      .statement(
        `INSERT INTO user_preferences (user_id, time_zone, due_soon_minutes, in_app, email, digest_enabled, digest_hour, updated_at)
         VALUES (@user, @zone, @lead, @inApp, @email, @digest, @hour, @updated)
         ON CONFLICT (user_id) DO UPDATE SET time_zone = excluded.time_zone, due_soon_minutes = excluded.due_soon_minutes,
           in_app = excluded.in_app, email = excluded.email, digest_enabled = excluded.digest_enabled,
           digest_hour = excluded.digest_hour, updated_at = excluded.updated_at`,
      )
      .run({
        user: p.userId,
        zone: p.timeZone,
        lead: dueSoonLeadMinutes(p.dueSoonLead),
        inApp: p.inApp ? 1 : 0,
        email: p.email ? 1 : 0,
        digest: p.digestEnabled ? 1 : 0,
        hour: p.digestHour,
        updated: p.updatedAt?.getTime() ?? null,
      });
  }

  async digestSubscribers(afterUserId: string | null, limit: number): Promise<UserPreferences[]> {
    const rows = this.sqlite
      .statement('SELECT * FROM user_preferences WHERE digest_enabled = 1 AND user_id > ? ORDER BY user_id LIMIT ?')
      .all(afterUserId ?? '', limit) as PreferencesRow[];
    return rows.map(toDomain);
  }

  async claimDigest(userId: string, localDate: string, now: Date): Promise<boolean> {
    const result = this.sqlite
      .statement('INSERT INTO daily_digests (user_id, local_date, sent_at) VALUES (?, ?, ?) ON CONFLICT DO NOTHING')
      .run(userId, localDate, now.getTime());
    return result.changes === 1;
  }

  async releaseDigest(userId: string, localDate: string): Promise<void> {
    this.sqlite.statement('DELETE FROM daily_digests WHERE user_id = ? AND local_date = ?').run(userId, localDate);
  }
}
