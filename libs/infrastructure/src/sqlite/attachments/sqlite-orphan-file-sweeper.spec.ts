import { mkdtempSync, readdirSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SqliteDatabase } from '../database/sqlite-database';
import { SqliteOrphanFileSweeper } from './sqlite-orphan-file-sweeper';

describe('SqliteOrphanFileSweeper', () => {
  it('deletes old files no attachment row names and old partial writes, nothing else', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'primetrade-sweep-'));
    const sqlite = new SqliteDatabase({ file: ':memory:' });
    try {
      sqlite.db
        .prepare('INSERT INTO attachments (id, task_id, owner_id, file_name, content_type, size, created_at) VALUES (?, ?, ?, ?, ?, ?, ?)')
        .run('kept', 't1', 'u1', 'a.txt', 'text/plain', 1, 0);
      const hourAgo = new Date(Date.now() - 2 * 3_600_000);
      for (const name of ['kept.bin', 'orphan.bin', '.upload.abc123.part', 'fresh-orphan.bin', 'notes.txt']) {
        writeFileSync(join(dir, name), 'x');
        if (name !== 'fresh-orphan.bin') utimesSync(join(dir, name), hourAgo, hourAgo);
      }
      const sweeper = new SqliteOrphanFileSweeper(sqlite, dir, { graceMs: 3_600_000, intervalMs: 3_600_000 });
      expect(await sweeper.sweep(new Date())).toBe(2);
      expect(readdirSync(dir).sort()).toEqual(['fresh-orphan.bin', 'kept.bin', 'notes.txt']);
      expect(await sweeper.sweep(new Date())).toBe(0);
    } finally {
      sqlite.close();
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
