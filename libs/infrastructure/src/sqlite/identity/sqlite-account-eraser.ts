import { Injectable, Logger } from '@nestjs/common';
import { AccountEraser } from '@primetrade/domain';
import { SqliteDatabase } from '../database/sqlite-database';

/** The columns that say whose a row is, in every table of the file. */
const OWNER_COLUMNS = ['owner_id', 'user_id'] as const;

/**
 * Erases a user from the embedded store in one transaction. Every table with an `owner_id` or
 * `user_id` column is cleared of the user's rows — found from the schema, so a table added
 * later is covered without a change here — after `tasks` and `tasks_archive`, whose triggers keep
 * the search indexes and counters. The connection runs with `secure_delete` (freed bytes are overwritten), the
 * search index drops the rows' trigrams at once (migration 19), and a TRUNCATE checkpoint
 * empties the write-ahead log, so none of the user's data stays readable in the file.
 */
@Injectable()
export class SqliteAccountEraser extends AccountEraser {
  private readonly logger = new Logger('SqliteAccountEraser');

  constructor(private readonly sqlite: SqliteDatabase) {
    super();
  }

  async erase(userId: string): Promise<{ fileKeys: string[] }> {
    const db = this.sqlite.db;
    const tables = this.ownedTables();
    const fileKeys = db
      .transaction(() => {
        const keys = (db.prepare('SELECT id FROM attachments WHERE owner_id = ?').all(userId) as { id: string }[]).map((r) => r.id);
        db.prepare('DELETE FROM tasks WHERE owner_id = ?').run(userId);
        db.prepare('DELETE FROM tasks_archive WHERE owner_id = ?').run(userId);
        for (const { table, column } of tables) db.prepare(`DELETE FROM "${table}" WHERE "${column}" = ?`).run(userId);
        db.prepare('DELETE FROM users WHERE id = ?').run(userId);
        return keys;
      })
      .immediate();
    this.emptyJournal();
    return { fileKeys };
  }

  /** Every (table, owner column) pair of the schema, but for the search index's own tables. */
  ownedTables(): { table: string; column: string }[] {
    const db = this.sqlite.db;
    const names = db.prepare("SELECT name FROM sqlite_schema WHERE type = 'table' AND name NOT LIKE 'sqlite_%'").pluck().all() as string[];
    const owned: { table: string; column: string }[] = [];
    for (const table of names) {
      const columns = (db.pragma(`table_info("${table}")`) as { name: string }[]).map((c) => c.name);
      for (const column of OWNER_COLUMNS) if (columns.includes(column)) owned.push({ table, column });
    }
    return owned;
  }

  /** The old page images in the write-ahead log go too: checkpoint and truncate it (waiting on readers up to the busy timeout). */
  private emptyJournal(): void {
    const [result] = this.sqlite.db.pragma('wal_checkpoint(TRUNCATE)') as { busy: number }[];
    if (result?.busy === 0) return;
    this.logger.warn('the write-ahead log could not be truncated after an account was erased (a reader held it); the next checkpoint will');
  }
}
