import { randomBytes } from 'node:crypto';
import { describeNotificationStoresContract } from '@primetrade/testing';
import { AesGcmContentCipher } from '../../core/security/aes-gcm-content-cipher';
import { TaskContentSealer } from '../../core/tasks/task-content-sealer';
import { SqliteDatabase } from '../database/sqlite-database';
import { SqliteTaskRepository } from '../tasks/sqlite-task.repository';
import { SqliteDueTaskScanner } from './sqlite-due-task-scanner';
import { SqliteNotificationRepository } from './sqlite-notification.repository';
import { SqliteOutboxMailer } from './sqlite-outbox-mailer';
import { SqliteUserPreferencesRepository } from './sqlite-user-preferences.repository';

const cipher = new AesGcmContentCipher({ keys: new Map([['k1', randomBytes(32)]]), activeKeyId: 'k1', blindIndexKey: randomBytes(32) });

describeNotificationStoresContract('sqlite', async () => {
  const sqlite = new SqliteDatabase({ file: ':memory:' });
  return {
    notifications: new SqliteNotificationRepository(sqlite, cipher),
    scanner: new SqliteDueTaskScanner(sqlite),
    outbox: new SqliteOutboxMailer(sqlite, cipher),
    tasks: new SqliteTaskRepository(sqlite, new TaskContentSealer(cipher, true)),
    preferences: new SqliteUserPreferencesRepository(sqlite),
    outboxCount: async (key) =>
      (sqlite.statement('SELECT COUNT(*) AS n FROM mail_outbox WHERE idempotency_key = ?').get(key) as { n: number }).n,
    dispose: async () => sqlite.close(),
  };
});

describe('SqliteDueTaskScanner query plan', () => {
  it('walks the open tasks by due date and probes preferences and notifications by key (no full scan, no temp sort)', () => {
    const sqlite = new SqliteDatabase({ file: ':memory:' });
    try {
      const source = SqliteDueTaskScanner.SQL;
      const plan = (
        sqlite.db.prepare(`EXPLAIN QUERY PLAN ${source}`).all({ now: 0, until: 1, limit: 10, defaultLead: 1440 }) as { detail: string }[]
      )
        .map((r) => r.detail)
        .join('\n');
      expect(plan).toMatch(/SEARCH t USING INDEX/);
      expect(plan).toMatch(/SEARCH p USING INDEX sqlite_autoindex_user_preferences_1|SEARCH p USING PRIMARY KEY/);
      expect(plan).not.toMatch(/SCAN t\b|USE TEMP B-TREE FOR ORDER BY/);
    } finally {
      sqlite.close();
    }
  });
});
