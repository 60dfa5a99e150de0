import { randomBytes } from 'node:crypto';
import { DataIntegrityError, type SortOrder, Task, type TaskListRequest, type TaskView, taskSortKey } from '@primetrade/domain';
import { AesGcmContentCipher } from '../../core/security/aes-gcm-content-cipher';
import { NOW } from '@primetrade/testing';
import { PLAINTEXT_TASK_CONTENT, TaskContentSealer } from '../../core/tasks/task-content-sealer';
import { SqliteDatabase } from '../database/sqlite-database';
import { SqliteTaskReadModel } from './sqlite-task-read-model';
import { SqliteTaskRepository } from './sqlite-task.repository';

const OWNER = 'owner-a';
const cipher = new AesGcmContentCipher({ keys: new Map([['k1', randomBytes(32)]]), activeKeyId: 'k1', blindIndexKey: randomBytes(32) });
const sealing = new TaskContentSealer(cipher, true);
const notSealing = new TaskContentSealer(cipher, false);

function task(id: string, title: string, description = '', minutes = 0, ownerId = OWNER): Task {
  const t = Task.create({
    id,
    ownerId,
    title,
    description,
    priority: (['low', 'medium', 'high', 'urgent'] as const)[minutes % 4],
    now: new Date(NOW.getTime() + minutes * 60_000),
  });
  t.pullEvents();
  return Task.restore(t.toProps());
}

interface RawTask {
  title: string;
  description: string;
  content_sealed: number;
}

describe('SQLite tasks with ENCRYPT_TASK_CONTENT', () => {
  let sqlite: SqliteDatabase;
  beforeEach(() => {
    sqlite = new SqliteDatabase({ file: ':memory:' });
  });
  afterEach(() => sqlite.close());

  const raw = (id: string) => sqlite.db.prepare('SELECT title, description, content_sealed FROM tasks WHERE id = ?').get(id) as RawTask;
  const list = (content: TaskContentSealer, criteria: Omit<TaskListRequest['criteria'], 'now'>, limit = 100) =>
    new SqliteTaskReadModel(sqlite, content).list(OWNER, {
      criteria: { ...criteria, now: NOW },
      sort: 'createdAt',
      order: 'asc',
      after: null,
      limit,
    });

  it('stores no plaintext title or description, and the domain still sees them', async () => {
    const tasks = new SqliteTaskRepository(sqlite, sealing);
    await tasks.insert(task('t1', 'Quarterly tax return', 'Receipts from the blue folder'));
    const row = raw('t1');
    expect(row.content_sealed).toBe(1);
    expect(JSON.stringify(sqlite.db.prepare('SELECT * FROM tasks').all())).not.toMatch(/quarterly|tax|receipts|folder/i);
    expect(cipher.keyIdOf(Buffer.from(row.title, 'base64'))).toBe('k1');
    const loaded = (await tasks.findById(OWNER, 't1'))!;
    expect([loaded.title, loaded.description]).toEqual(['Quarterly tax return', 'Receipts from the blue folder']);

    loaded.update({ title: 'Tax return filed' }, new Date(NOW.getTime() + 1000));
    await tasks.update(loaded);
    expect(raw('t1').title).not.toMatch(/tax/i);
    expect((await tasks.findById(OWNER, 't1'))!.title).toBe('Tax return filed');
  });

  it('detects a tampered value and a value copied to another task or field', async () => {
    const tasks = new SqliteTaskRepository(sqlite, sealing);
    await tasks.insert(task('t1', 'First', 'one'));
    await tasks.insert(task('t2', 'Second', 'two'));
    sqlite.db.prepare('UPDATE tasks SET title = (SELECT title FROM tasks WHERE id = ?) WHERE id = ?').run('t1', 't2');
    await expect(tasks.findById(OWNER, 't2')).rejects.toBeInstanceOf(DataIntegrityError);
    sqlite.db.prepare('UPDATE tasks SET description = title WHERE id = ?').run('t1');
    await expect(tasks.findById(OWNER, 't1')).rejects.toBeInstanceOf(DataIntegrityError);

    await tasks.insert(task('t3', 'Third', 'three'));
    const sealed = Buffer.from(raw('t3').title, 'base64');
    sealed[sealed.length - 20] ^= 0x01; // a ciphertext byte
    sqlite.db.prepare('UPDATE tasks SET title = ? WHERE id = ?').run(sealed.toString('base64'), 't3');
    await expect(tasks.findById(OWNER, 't3')).rejects.toBeInstanceOf(DataIntegrityError);
    await expect(list(sealing, { q: 'third' })).rejects.toBeInstanceOf(DataIntegrityError);
  });

  it('reads and searches a store holding both forms, whichever way the flag is set now', async () => {
    await new SqliteTaskRepository(sqlite, PLAINTEXT_TASK_CONTENT).insert(task('old', 'Plain budget review', '', 1));
    await new SqliteTaskRepository(sqlite, sealing).insert(task('new', 'Sealed budget plan', '', 2));
    expect(raw('old').content_sealed).toBe(0);
    for (const content of [sealing, notSealing]) {
      expect((await list(content, { q: 'BUDGET' })).map((t) => t.id)).toEqual(['old', 'new']);
      expect((await list(content, { q: 'plan' })).map((t) => t.id)).toEqual(['new']);
      expect((await list(content, {})).map((t) => t.title)).toEqual(['Plain budget review', 'Sealed budget plan']);
    }
    // Written with the flag off: plaintext again, still readable.
    const repo = new SqliteTaskRepository(sqlite, notSealing);
    const loaded = (await repo.findById(OWNER, 'new'))!;
    loaded.update({ description: 'now plain' }, NOW);
    await repo.update(loaded);
    expect(raw('new')).toMatchObject({ title: 'Sealed budget plan', description: 'now plain', content_sealed: 0 });
  });

  it('pages a rare word over many batches, in sort order, within the other filters', async () => {
    const repo = new SqliteTaskRepository(sqlite, sealing);
    const views: TaskView[] = [];
    for (let i = 0; i < 3000; i++) {
      const t = task(
        `t${String(i).padStart(4, '0')}`,
        i % 97 === 0 ? `Call the Plumber #${i}` : `Chore ${i}`,
        i % 89 === 0 ? 'ask the plumber too' : '',
        i % 50,
      );
      await repo.insert(t);
      views.push(t.toProps());
    }
    await repo.insert(task('theirs', 'plumber of someone else', '', 0, 'owner-b'));
    const reader = new SqliteTaskReadModel(sqlite, sealing);
    for (const order of ['asc', 'desc'] as SortOrder[]) {
      for (const priority of [undefined, ['high' as const]]) {
        const wanted = views
          .filter((t) => /plumber/i.test(t.title + ' ' + t.description) && (!priority || t.priority === 'high'))
          .sort(
            (a, b) => (order === 'asc' ? 1 : -1) * (taskSortKey(a, 'priority')! - taskSortKey(b, 'priority')! || (a.id < b.id ? -1 : 1)),
          )
          .map((t) => t.id);
        expect(wanted.length).toBeGreaterThan(priority ? 5 : 30);
        const seen: string[] = [];
        let after: TaskListRequest['after'] = null;
        for (let page = 0; page < 100; page++) {
          const items = await reader.list(OWNER, {
            criteria: { q: 'PLUMBER', priority, now: NOW },
            sort: 'priority',
            order,
            after,
            limit: 7,
          });
          seen.push(...items.map((t) => t.id));
          if (items.length < 7) break;
          const last = items[items.length - 1];
          after = { key: taskSortKey(last, 'priority'), id: last.id };
        }
        expect(seen).toEqual(wanted);
      }
    }
  });
});
