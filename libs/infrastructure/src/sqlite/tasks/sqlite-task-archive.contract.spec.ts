import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Task } from '@primetrade/domain';
import { describeTaskArchiveContract, SequentialIdGenerator } from '@primetrade/testing';
import { PLAINTEXT_TASK_CONTENT } from '../../core/tasks/task-content-sealer';
import { SqliteAccountEraser } from '../identity/sqlite-account-eraser';
import { SqliteDatabase } from '../database/sqlite-database';
import { SqliteEventOutbox } from '../events/sqlite-event-outbox';
import { SqliteTaskArchive } from './sqlite-task-archive';
import { SqliteTaskReadModel } from './sqlite-task-read-model';
import { SqliteTaskRepository } from './sqlite-task.repository';
import { SqliteTaskStatistics } from './sqlite-task-statistics';

/** The stores on a real file in a fresh folder, with the outbox the app binds. */
function openFile() {
  const dir = mkdtempSync(join(tmpdir(), 'task-archive-'));
  const sqlite = new SqliteDatabase({ file: join(dir, 'primetrade.db') });
  const outbox = new SqliteEventOutbox(sqlite, new SequentialIdGenerator('event'));
  const tasks = new SqliteTaskRepository(sqlite, PLAINTEXT_TASK_CONTENT, outbox);
  return {
    sqlite,
    outbox,
    tasks,
    archive: new SqliteTaskArchive(sqlite, PLAINTEXT_TASK_CONTENT, tasks, outbox),
    readModel: new SqliteTaskReadModel(sqlite, PLAINTEXT_TASK_CONTENT),
    statistics: new SqliteTaskStatistics(sqlite),
    dispose: async () => {
      sqlite.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

describeTaskArchiveContract('sqlite (file)', async () => {
  const stores = openFile();
  return { ...stores, events: async () => (await stores.outbox.pending(10_000)).map((e) => e.type) };
});

describe('SqliteTaskArchive', () => {
  const DAY = 86_400_000;
  const now = new Date('2026-06-15T12:00:00.000Z');
  const old = (id: string, ownerId = 'o1') => {
    const task = Task.create({ id, ownerId, title: `Old ${id}`, tags: ['x'], now: new Date(now.getTime() - 200 * DAY) });
    task.complete(new Date(now.getTime() - 100 * DAY));
    task.pullEvents();
    return task;
  };

  it('keeps the hot counters equal to the hot rows, and the archived count to the archive', async () => {
    const s = openFile();
    for (let i = 0; i < 7; i++) await s.tasks.insert(old(`t${i}`));
    await s.archive.archiveBatch(new Date(now.getTime() - 90 * DAY), 5, now);
    const counted = (sql: string) => (s.sqlite.db.prepare(sql).get() as { n: number }).n;
    expect(counted("SELECT IFNULL(SUM(tasks), 0) AS n FROM task_counters WHERE owner_id = 'o1'")).toBe(
      counted("SELECT COUNT(*) AS n FROM tasks WHERE owner_id = 'o1'"),
    );
    expect(counted("SELECT tasks AS n FROM task_archive_counters WHERE owner_id = 'o1'")).toBe(5);
    expect(counted("SELECT COUNT(*) AS n FROM task_tags WHERE owner_id = 'o1'")).toBe(2);
    expect(counted("SELECT COUNT(*) AS n FROM task_archive_tags WHERE owner_id = 'o1'")).toBe(5);
    await s.dispose();
  });

  it('leaves nothing of an erased account in the archive', async () => {
    const s = openFile();
    await s.tasks.insert(old('mine'));
    await s.tasks.insert(old('theirs', 'o2'));
    await s.archive.archiveBatch(new Date(now.getTime() - 90 * DAY), 500, now);
    await new SqliteAccountEraser(s.sqlite).erase('o1');
    const left = (table: string) =>
      (s.sqlite.db.prepare(`SELECT COUNT(*) AS n FROM ${table} WHERE owner_id = 'o1'`).get() as { n: number }).n;
    for (const table of ['tasks_archive', 'task_archive_tags', 'task_archive_counters']) expect(left(table)).toBe(0);
    expect(s.sqlite.db.prepare('SELECT COUNT(*) AS n FROM tasks_archive_fts WHERE tasks_archive_fts MATCH \'"Old"\'').get()).toEqual({
      n: 1,
    });
    expect((await s.statistics.overview('o2', now)).archived).toBe(1);
    await s.dispose();
  });
});
