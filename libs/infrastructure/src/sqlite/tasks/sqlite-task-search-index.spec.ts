import { randomBytes } from 'node:crypto';
import { Task } from '@primetrade/domain';
import { NOW } from '@primetrade/testing';
import { AesGcmContentCipher } from '../../core/security/aes-gcm-content-cipher';
import { PLAINTEXT_TASK_CONTENT, TaskContentSealer } from '../../core/tasks/task-content-sealer';
import { SqliteDatabase } from '../database/sqlite-database';
import { SqliteTaskReadModel } from './sqlite-task-read-model';
import { SqliteTaskRepository } from './sqlite-task.repository';

/** tasks_fts follows every write of a task's text, and never holds sealed text. */
describe('SQLite task search index (FTS5 trigram)', () => {
  let sqlite: SqliteDatabase;
  beforeEach(() => {
    sqlite = new SqliteDatabase({ file: ':memory:' });
  });
  afterEach(() => sqlite.close());

  const hits = (word: string) =>
    (sqlite.db.prepare('SELECT rowid FROM tasks_fts WHERE tasks_fts MATCH ?').all(`"${word}"`) as unknown[]).length;
  const search = (q: string) =>
    new SqliteTaskReadModel(sqlite, PLAINTEXT_TASK_CONTENT)
      .list('o1', { criteria: { q, now: NOW }, sort: 'createdAt', order: 'asc', after: null, limit: 20 })
      .then((items) => items.map((t) => t.id));

  function task(id: string, title: string, description = ''): Task {
    const t = Task.create({ id, ownerId: 'o1', title, description, now: NOW });
    t.pullEvents();
    return Task.restore(t.toProps());
  }

  it('follows inserts, edits and deletes', async () => {
    const repo = new SqliteTaskRepository(sqlite, PLAINTEXT_TASK_CONTENT);
    await repo.insert(task('t1', 'Quarterly report', 'for the board'));
    await repo.insert(task('t2', 'Groceries'));
    expect(await search('report')).toEqual(['t1']);
    expect(await search('BOARD')).toEqual(['t1']);

    const t1 = (await repo.findById('o1', 't1'))!;
    t1.update({ title: 'Annual summary' }, NOW);
    await repo.update(t1);
    expect(hits('report')).toBe(0);
    expect(await search('report')).toEqual([]);
    expect(await search('summary')).toEqual(['t1']);

    const t1again = (await repo.findById('o1', 't1'))!;
    t1again.update({ priority: 'high' }, NOW); // no text change: the index stays as it is
    await repo.update(t1again);
    expect(await search('summary')).toEqual(['t1']);

    expect(await repo.delete('o1', 't1', t1again.version)).toBe(true);
    expect(hits('summary')).toBe(0);
    expect(await search('groc')).toEqual(['t2']);
    // FTS5 compares its index with the content table and throws on a mismatch.
    sqlite.db.prepare(`INSERT INTO tasks_fts (tasks_fts) VALUES ('integrity-check')`).run();
  });

  it('never indexes sealed text, and drops the text of a row when it is sealed', async () => {
    const cipher = new AesGcmContentCipher({ keys: new Map([['k1', randomBytes(32)]]), activeKeyId: 'k1', blindIndexKey: randomBytes(32) });
    const sealing = new SqliteTaskRepository(sqlite, new TaskContentSealer(cipher, true));
    await new SqliteTaskRepository(sqlite, PLAINTEXT_TASK_CONTENT).insert(task('plain', 'Budget review'));
    await sealing.insert(task('sealed', 'Budget plan'));
    expect(hits('budget')).toBe(1);
    const plain = (await sealing.findById('o1', 'plain'))!;
    plain.update({ description: 'now sealed too' }, NOW);
    await sealing.update(plain);
    expect(hits('budget')).toBe(0);
    expect(hits('review')).toBe(0);
  });

  it('finds two-character needles through the trigrams holding them, and in texts too short for one', async () => {
    const repo = new SqliteTaskRepository(sqlite, PLAINTEXT_TASK_CONTENT);
    await repo.insert(task('t1', 'Renew the passport'));
    await repo.insert(task('t2', 'NE'));
    await repo.insert(task('t3', 'ab', 'ne'));
    await repo.insert(task('t4', 'Groceries', 'Eggs, bread'));
    await repo.insert(task('t5', 'Né à Paris'));
    expect(await search('ne')).toEqual(['t1', 't2', 't3']);
    expect(await search('NÉ')).toEqual(['t5']);
    expect(await search('gs')).toEqual(['t4']);
    expect(await search('zz')).toEqual([]);
    expect(await search('e')).toEqual(['t1', 't2', 't3', 't4']);
  });
});
