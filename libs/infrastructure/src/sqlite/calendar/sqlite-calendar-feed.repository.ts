import { Injectable } from '@nestjs/common';
import { CalendarFeedRepository } from '@primetrade/domain';
import { SqliteDatabase } from '../database/sqlite-database';

/** Calendar feeds in the embedded store (table `calendar_feeds`: one row per user, token hash unique). */
@Injectable()
export class SqliteCalendarFeedRepository extends CalendarFeedRepository {
  constructor(private readonly sqlite: SqliteDatabase) {
    super();
  }

  async save(ownerId: string, tokenHash: string, now: Date): Promise<void> {
    this.sqlite
      .statement(
        `INSERT INTO calendar_feeds (owner_id, token_hash, created_at) VALUES (?, ?, ?)
         ON CONFLICT (owner_id) DO UPDATE SET token_hash = excluded.token_hash, created_at = excluded.created_at`,
      )
      .run(ownerId, tokenHash, now.getTime());
  }

  async revoke(ownerId: string): Promise<boolean> {
    return this.sqlite.statement('DELETE FROM calendar_feeds WHERE owner_id = ?').run(ownerId).changes === 1;
  }

  async findOwner(tokenHash: string): Promise<string | null> {
    const row = this.sqlite.statement('SELECT owner_id FROM calendar_feeds WHERE token_hash = ?').get(tokenHash) as
      { owner_id: string } | undefined;
    return row?.owner_id ?? null;
  }
}
