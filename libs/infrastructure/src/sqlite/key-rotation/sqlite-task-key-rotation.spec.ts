import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DataIntegrityError, Task } from '@primetrade/domain';
import { NOW } from '@primetrade/testing';
import { SqliteDatabase } from '../database/sqlite-database';
import { SqliteTaskReadModel } from '../tasks/sqlite-task-read-model';
import { SqliteTaskRepository } from '../tasks/sqlite-task.repository';
import { SqliteTaskArchive } from '../tasks/sqlite-task-archive';
import { PLAINTEXT_TASK_CONTENT, TaskContentSealer } from '../../core/tasks/task-content-sealer';
import { AesGcmContentCipher } from '../../core/security/aes-gcm-content-cipher';
import { SqliteKeyRotation } from './sqlite-key-rotation';

const k1 = randomBytes(32);
const k2 = randomBytes(32);
const cipher = (active: string, keys: [string, Buffer][]) =>
  new AesGcmContentCipher({ keys: new Map(keys), activeKeyId: active, blindIndexKey: randomBytes(32) });
const old = cipher('k1', [['k1', k1]]);
const rotating = cipher('k2', [
  ['k1', k1],
  ['k2', k2],
]);
const onlyNew = cipher('k2', [['k2', k2]]);

function task(id: string, title: string): Task {
  const t = Task.create({ id, ownerId: 'owner', title, description: `notes of ${title}`, now: NOW });
  t.pullEvents();
  return Task.restore(t.toProps());
}

interface RawTask {
  id: string;
  title: string;
  description: string;
  content_sealed: number;
  version: number;
}

describe('SqliteKeyRotation of task content', () => {
  let dir: string;
  let sqlite: SqliteDatabase;
  const rows = () => sqlite.db.prepare('SELECT id, title, description, content_sealed, version FROM tasks ORDER BY id').all() as RawTask[];

  beforeEach(async () => {
    dir = mkdtempSync(join(tmpdir(), 'primetrade-rotate-tasks-'));
    sqlite = new SqliteDatabase({ file: join(dir, 'db.sqlite') });
    // Five tasks sealed under k1, three written before the flag was switched on.
    for (let i = 0; i < 5; i++)
      await new SqliteTaskRepository(sqlite, new TaskContentSealer(old, true)).insert(task(`s${i}`, `Sealed errand ${i}`));
    for (let i = 0; i < 3; i++) await new SqliteTaskRepository(sqlite, PLAINTEXT_TASK_CONTENT).insert(task(`p${i}`, `Plain errand ${i}`));
  });
  afterEach(() => {
    sqlite.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('seals and re-seals every task with the active key; the old key can then go', async () => {
    const progress = await new SqliteKeyRotation(sqlite, rotating, join(dir, 'attachments'), { sealTaskContent: true }).run({
      batchSize: 3,
    });
    expect(progress.tasks).toEqual({ scanned: 8, resealed: 8 });
    for (const row of rows()) {
      expect(row.content_sealed).toBe(1);
      expect(row.version).toBe(1); // not a change of the task
      expect(row.title + row.description).not.toMatch(/errand/i);
      expect(onlyNew.keyIdOf(Buffer.from(row.description, 'base64'))).toBe('k2');
    }
    const content = new TaskContentSealer(onlyNew, true);
    const repo = new SqliteTaskRepository(sqlite, content);
    for (const id of ['s0', 's4', 'p0', 'p2'])
      expect((await repo.findById('owner', id))?.description).toMatch(/^notes of (Sealed|Plain) errand \d$/);
    const found = await new SqliteTaskReadModel(sqlite, content).list('owner', {
      criteria: { q: 'ERRAND', now: NOW },
      sort: 'createdAt',
      order: 'asc',
      after: null,
      limit: 100,
    });
    expect(found).toHaveLength(8);

    // Nothing left: a second run changes nothing.
    expect((await new SqliteKeyRotation(sqlite, rotating, join(dir, 'attachments'), { sealTaskContent: true }).run()).tasks).toEqual({
      scanned: 8,
      resealed: 0,
    });
  });

  it('with the flag off re-seals only what is sealed and leaves plaintext rows alone', async () => {
    await expect(new SqliteTaskRepository(sqlite, new TaskContentSealer(onlyNew, false)).findById('owner', 's1')).rejects.toBeInstanceOf(
      DataIntegrityError,
    );
    const progress = await new SqliteKeyRotation(sqlite, rotating, join(dir, 'attachments')).run();
    expect(progress.tasks).toEqual({ scanned: 5, resealed: 5 });
    expect(
      rows()
        .filter((r) => r.content_sealed === 0)
        .map((r) => r.title),
    ).toEqual(['Plain errand 0', 'Plain errand 1', 'Plain errand 2']);
    expect((await new SqliteTaskRepository(sqlite, new TaskContentSealer(onlyNew, false)).findById('owner', 's1'))?.title).toBe(
      'Sealed errand 1',
    );
  });

  it('keeps a write the app made between its read and its update (compare-and-set)', async () => {
    const racing = cipher('k2', [
      ['k1', k1],
      ['k2', k2],
    ]);
    const seal = racing.seal.bind(racing);
    // The app's write lands while the rotation is sealing p1 — after it read the row.
    jest.spyOn(racing, 'seal').mockImplementation((plaintext, context) => {
      if (context === 'tasks/p1/title') {
        const edited = task('p1', 'Plain errand 1');
        edited.update({ title: 'Edited by the app' }, NOW);
        new SqliteTaskRepository(sqlite, PLAINTEXT_TASK_CONTENT).updateNow(edited); // the write itself, right now
      }
      return seal(plaintext, context);
    });
    const progress = await new SqliteKeyRotation(sqlite, racing, join(dir, 'attachments'), { sealTaskContent: true }).run();
    expect(progress.tasks).toEqual({ scanned: 8, resealed: 7 });
    expect(rows().find((r) => r.id === 'p1')).toMatchObject({ title: 'Edited by the app', content_sealed: 0, version: 2 });
  });

  it('re-seals archived tasks too, and their search index follows (plaintext rows leave it)', async () => {
    const done = Task.create({ id: 'a0', ownerId: 'owner', title: 'Archived errand', now: new Date(NOW.getTime() - 200 * 86_400_000) });
    done.complete(new Date(NOW.getTime() - 100 * 86_400_000));
    done.pullEvents();
    const tasks = new SqliteTaskRepository(sqlite, PLAINTEXT_TASK_CONTENT);
    await tasks.insert(done);
    await new SqliteTaskArchive(sqlite, PLAINTEXT_TASK_CONTENT, tasks).archiveBatch(NOW, 100, NOW);
    const indexed = () =>
      (sqlite.db.prepare(`SELECT COUNT(*) AS n FROM tasks_archive_fts WHERE tasks_archive_fts MATCH '"errand"'`).get() as { n: number }).n;
    expect(indexed()).toBe(1);
    const progress = await new SqliteKeyRotation(sqlite, rotating, join(dir, 'attachments'), { sealTaskContent: true }).run();
    expect(progress.tasks).toEqual({ scanned: 9, resealed: 9 });
    const row = sqlite.db.prepare("SELECT title, content_sealed FROM tasks_archive WHERE id = 'a0'").get() as RawTask;
    expect(row.content_sealed).toBe(1);
    expect(onlyNew.keyIdOf(Buffer.from(row.title, 'base64'))).toBe('k2');
    expect(indexed()).toBe(0);
    expect((await new SqliteTaskArchive(sqlite, new TaskContentSealer(onlyNew, true), tasks).findById('owner', 'a0'))?.title).toBe(
      'Archived errand',
    );
  });
});
