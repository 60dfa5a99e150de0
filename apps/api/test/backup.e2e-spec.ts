import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SqliteDatabase } from '@primetrade/infrastructure/sqlite';
import { backup, restore } from '../src/backup';
import { loadConfig } from '../src/config/app-config';
import { signUp, STORE, startTestApp } from './support/test-app';

const quiet = { log: () => undefined, warn: () => undefined };

// npm run backup / restore on the embedded store, taken while clients write.
(STORE === 'sqlite' ? describe : describe.skip)('backup and restore of the embedded store (e2e)', () => {
  it('restores a backup taken under write load into a consistent store', async () => {
    const app = await startTestApp();
    const work = mkdtempSync(join(tmpdir(), 'primetrade-backup-'));
    const file = join(work, 'snapshot.sqlite');
    const restoredDir = join(work, 'restored');
    try {
      const users = await Promise.all([signUp(app, 'A'), signUp(app, 'B'), signUp(app, 'C')]);
      const acknowledged = new Set<string>();
      let writing = true;
      const writer = async (auth: { Authorization: string }, n: number) => {
        for (let i = 0; writing && i < 400; i++) {
          const res = await app.http
            .post('/api/v1/tasks')
            .set(auth)
            .send({ title: `w${n}-${i}`, priority: i % 2 ? 'high' : 'low' });
          if (res.status !== 201) continue;
          acknowledged.add(res.body.id as string);
          if (i % 3 === 0) await app.http.put(`/api/v1/tasks/${res.body.id}/complete`).set(auth);
          if (i % 5 === 0)
            await app.http
              .post(`/api/v1/tasks/${res.body.id}/attachments`)
              .set(auth)
              .attach('file', Buffer.from(`file ${i}`), `f${i}.txt`);
          if (i % 7 === 0) await app.http.delete(`/api/v1/tasks/${res.body.id}`).set(auth);
        }
      };
      const writers = users.flatMap((u, k) => [writer(u.auth, 2 * k), writer(u.auth, 2 * k + 1)]);
      await new Promise((r) => setTimeout(r, 400)); // load is running
      const before = new Set(acknowledged);
      const config = loadConfig({ NODE_ENV: 'test', DATA_DIR: app.dataDir, JWT_SECRET: 'x'.repeat(40) });
      const report = await backup(config, file, quiet);
      writing = false;
      await Promise.all(writers);
      expect(report.tasks).toBeGreaterThan(0);
      expect(existsSync(join(work, 'snapshot.sqlite.attachments'))).toBe(true);

      const restored = await restore(
        loadConfig({ NODE_ENV: 'test', DATA_DIR: restoredDir, JWT_SECRET: 'x'.repeat(40) }),
        file,
        false,
        quiet,
      );
      const db = new SqliteDatabase({ file: join(restoredDir, 'primetrade.sqlite') });
      try {
        const one = <T>(sql: string) => db.db.prepare(sql).get() as T;
        expect(db.db.pragma('integrity_check', { simple: true })).toBe('ok');
        expect(restored.tasks).toBe(one<{ n: number }>('SELECT COUNT(*) AS n FROM tasks').n);
        // The trigger-kept statistics equal a recount of the rows.
        const kept = one<{ n: number }>('SELECT COALESCE(SUM(tasks), 0) AS n FROM task_counters');
        expect(kept.n).toBe(restored.tasks);
        // Every task has its TaskCreated in the outbox (written in the same transaction).
        const withoutEvent = one<{ n: number }>(
          "SELECT COUNT(*) AS n FROM tasks t WHERE NOT EXISTS (SELECT 1 FROM event_outbox e WHERE e.aggregate_id = t.id AND e.type = 'tasks.task-created')",
        );
        expect(withoutEvent.n).toBe(0);
        // Everything acknowledged before the backup started is there, unless it was deleted.
        const ids = new Set((db.db.prepare('SELECT id FROM tasks').all() as { id: string }[]).map((r) => r.id));
        const deleted = new Set(
          (db.db.prepare("SELECT aggregate_id AS id FROM event_outbox WHERE type = 'tasks.task-deleted'").all() as { id: string }[]).map(
            (r) => r.id,
          ),
        );
        for (const id of before) expect(ids.has(id) || deleted.has(id)).toBe(true);
        for (const id of ids) expect(acknowledged.has(id)).toBe(true);
        // Every attachment row has its file.
        const rows = (db.db.prepare('SELECT id FROM attachments').all() as { id: string }[]).map((r) => r.id);
        for (const id of rows) expect(existsSync(join(restoredDir, 'attachments', `${id}.bin`))).toBe(true);
      } finally {
        db.close();
      }
    } finally {
      await app.close();
      rmSync(work, { recursive: true, force: true });
    }
  }, 120_000);
});
