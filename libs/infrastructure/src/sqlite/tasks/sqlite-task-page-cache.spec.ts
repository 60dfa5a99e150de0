import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Task, type TaskListRequest } from '@primetrade/domain';
import { NOW } from '@primetrade/testing';
import { AesGcmContentCipher } from '../../core/security/aes-gcm-content-cipher';
import { PLAINTEXT_TASK_CONTENT, TaskContentSealer } from '../../core/tasks/task-content-sealer';
import { SqliteDatabase } from '../database/sqlite-database';
import { SqliteTaskArchive } from './sqlite-task-archive';
import { SqliteTaskReadModel } from './sqlite-task-read-model';
import { SqliteTaskRepository } from './sqlite-task.repository';

const DAY = 86_400_000;

/**
 * The read model's page cache: a page is served again while the owner's tasks are unchanged, and
 * never after a change, whichever process made it (here a second connection on the same file).
 */
describe('SQLite task page cache', () => {
  let dir: string;
  let sqlite: SqliteDatabase;
  let other: SqliteDatabase; // another process on the same file
  let readModel: SqliteTaskReadModel;
  let repo: SqliteTaskRepository;
  let otherRepo: SqliteTaskRepository;
  beforeEach(() => {
    n = 0;
    dir = mkdtempSync(join(tmpdir(), 'page-cache-'));
    sqlite = new SqliteDatabase({ file: join(dir, 'db.sqlite') });
    other = new SqliteDatabase({ file: join(dir, 'db.sqlite') });
    readModel = new SqliteTaskReadModel(sqlite, PLAINTEXT_TASK_CONTENT);
    repo = new SqliteTaskRepository(sqlite, PLAINTEXT_TASK_CONTENT);
    otherRepo = new SqliteTaskRepository(other, PLAINTEXT_TASK_CONTENT);
  });
  afterEach(() => {
    other.close();
    sqlite.close();
    rmSync(dir, { recursive: true, force: true });
  });

  let n: number;
  const task = (ownerId: string, extra: Partial<Parameters<typeof Task.create>[0]> = {}) => {
    const created = Task.create({ id: `t${++n}`, ownerId, title: `Task ${n}`, now: new Date(NOW.getTime() + n * 1000), ...extra });
    created.pullEvents();
    return created;
  };
  const request = (criteria: Partial<TaskListRequest['criteria']> = {}, now = NOW): TaskListRequest => ({
    criteria: { now, ...criteria },
    sort: 'createdAt',
    order: 'desc',
    after: null,
    limit: 21,
  });
  /** Another process's write is seen from the next turn of the event loop (the version is read once a turn). */
  const nextTurn = () => new Promise((resolve) => setImmediate(resolve));
  const titles = async (owner: string, r = request()) => (await readModel.list(owner, r)).map((v) => v.title);

  it('serves an unchanged page again without reading it', async () => {
    await repo.insert(task('o1'));
    const first = await readModel.list('o1', request());
    const second = await readModel.list('o1', request());
    expect(second).toBe(first); // the same views: from the cache
    expect(await readModel.list('o1', request({ status: ['todo'] }))).not.toBe(first); // another page, its own entry
  });

  it('never serves a page after a change to the owner’s tasks, made by this process or another', async () => {
    const mine = task('o1');
    await repo.insert(mine);
    expect(await titles('o1')).toEqual(['Task 1']);

    await otherRepo.insert(task('o1')); // another process
    await nextTurn();
    expect(await titles('o1')).toEqual(['Task 2', 'Task 1']);

    const edited = (await repo.findById('o1', mine.id))!;
    edited.update({ title: 'Renamed' }, new Date(NOW.getTime() + DAY));
    await otherRepo.update(edited);
    await nextTurn();
    expect(await titles('o1')).toEqual(['Task 2', 'Renamed']);

    expect(await repo.delete('o1', mine.id, edited.version)).toBe(true); // this process: seen at once
    expect(await titles('o1')).toEqual(['Task 2']);

    // A change written straight in SQL, outside every repository, moves the version too.
    other.db.prepare("UPDATE tasks SET title = 'By hand' WHERE owner_id = 'o1'").run();
    await nextTurn();
    expect(await titles('o1')).toEqual(['By hand']);
  });

  it('sees this process’s writes at once and another process’s from the next turn of the event loop', async () => {
    await repo.insert(task('o1'));
    expect(await titles('o1')).toEqual(['Task 1']);
    await repo.insert(task('o1'));
    expect(await titles('o1')).toEqual(['Task 2', 'Task 1']);
    other.db.prepare("UPDATE tasks SET title = 'Elsewhere' WHERE id = 't1'").run();
    expect(await titles('o1')).toEqual(['Task 2', 'Task 1']); // concurrent with this turn's reads
    await nextTurn();
    expect(await titles('o1')).toEqual(['Task 2', 'Elsewhere']);
  });

  it('keeps owners apart: another owner’s write leaves a page cached', async () => {
    await repo.insert(task('o1'));
    const first = await readModel.list('o1', request());
    await otherRepo.insert(task('o2'));
    expect(await readModel.list('o1', request())).toBe(first);
  });

  it('follows moves to and from the archive', async () => {
    const done = task('o1');
    done.update({ status: 'completed' }, NOW);
    await repo.insert(done);
    expect(await titles('o1', request({ archived: true }))).toEqual([]);
    expect(await titles('o1')).toEqual(['Task 1']);

    await new SqliteTaskArchive(other, PLAINTEXT_TASK_CONTENT, otherRepo).archiveBatch(
      new Date(NOW.getTime() + DAY),
      100,
      new Date(NOW.getTime() + DAY),
    );
    await nextTurn();
    expect(await titles('o1')).toEqual([]);
    expect(await titles('o1', request({ archived: true }))).toEqual(['Task 1']);
  });

  it('does not keep pages that depend on the clock', async () => {
    await repo.insert(task('o1', { dueDate: new Date(NOW.getTime() + DAY) }));
    expect(await titles('o1', request({ overdue: true }))).toEqual([]);
    // No write: only time passes, and the task is overdue now.
    expect(await titles('o1', request({ overdue: true }, new Date(NOW.getTime() + 2 * DAY)))).toEqual(['Task 1']);
  });

  it('does not keep pages holding text decrypted from sealed rows', async () => {
    const cipher = new AesGcmContentCipher({ keys: new Map([['k1', randomBytes(32)]]), activeKeyId: 'k1', blindIndexKey: randomBytes(32) });
    const sealer = new TaskContentSealer(cipher, true);
    const sealedRepo = new SqliteTaskRepository(sqlite, sealer);
    const sealedRead = new SqliteTaskReadModel(sqlite, sealer);
    await sealedRepo.insert(task('o1'));
    const first = await sealedRead.list('o1', request());
    expect(first.map((v) => v.title)).toEqual(['Task 1']);
    expect(await sealedRead.list('o1', request())).not.toBe(first);
  });

  it('is off with no pages to keep (TASK_PAGE_CACHE=0)', async () => {
    const uncached = new SqliteTaskReadModel(sqlite, PLAINTEXT_TASK_CONTENT, 0);
    await repo.insert(task('o1'));
    const first = await uncached.list('o1', request());
    const second = await uncached.list('o1', request());
    expect(second).toEqual(first);
    expect(second).not.toBe(first);
  });
});
