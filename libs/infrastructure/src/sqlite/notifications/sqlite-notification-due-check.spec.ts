import { randomBytes } from 'node:crypto';
import { Notification, Task } from '@primetrade/domain';
import { AesGcmContentCipher } from '../../core/security/aes-gcm-content-cipher';
import { TaskContentSealer } from '../../core/tasks/task-content-sealer';
import { SqliteDatabase } from '../database/sqlite-database';
import { SqliteTaskRepository } from '../tasks/sqlite-task.repository';
import { SqliteNotificationRepository } from './sqlite-notification.repository';

const NOW = new Date('2026-06-15T12:00:00.000Z');
const HOUR = 3_600_000;
const cipher = new AesGcmContentCipher({ keys: new Map([['k1', randomBytes(32)]]), activeKeyId: 'k1', blindIndexKey: randomBytes(32) });

describe('SqliteNotificationRepository.insertIfTaskQualifies (check and insert in one statement)', () => {
  let sqlite: SqliteDatabase;
  let tasks: SqliteTaskRepository;
  let notifications: SqliteNotificationRepository;
  beforeEach(() => {
    sqlite = new SqliteDatabase({ file: ':memory:' });
    tasks = new SqliteTaskRepository(sqlite, new TaskContentSealer(cipher, true));
    notifications = new SqliteNotificationRepository(sqlite, cipher);
  });
  afterEach(() => sqlite.close());

  const task = async (id: string, dueInMs: number | null, ownerId = 'u1') => {
    const t = Task.create({
      id,
      ownerId,
      title: `Task ${id}`,
      dueDate: dueInMs === null ? null : new Date(NOW.getTime() + dueInMs),
      now: NOW,
    });
    t.pullEvents();
    await tasks.insert(t);
    return t;
  };
  const notice = (id: string, taskId: string, ownerId = 'u1') =>
    Notification.create({ id, ownerId, taskId, type: 'task-due', taskTitle: 'x', dueDate: new Date(NOW.getTime() + HOUR), now: NOW });
  const dueBy = new Date(NOW.getTime() + 24 * HOUR);

  it('inserts for an open task due in the window, once', async () => {
    await task('t1', HOUR);
    expect((await notifications.insertIfTaskQualifies(notice('n1', 't1'), dueBy))?.id).toBe('n1');
    expect((await notifications.insertIfTaskQualifies(notice('n2', 't1'), dueBy))?.id).toBe('n1');
  });

  it('inserts nothing for a completed task, a task due later, without a due date, or of another owner', async () => {
    await task('t1', HOUR);
    const done = (await tasks.findById('u1', 't1'))!;
    done.complete(NOW);
    await tasks.update(done);
    await task('t2', 48 * HOUR);
    await task('t3', null);
    await task('t4', HOUR, 'u2');
    for (const id of ['t1', 't2', 't3', 't4']) expect(await notifications.insertIfTaskQualifies(notice(`n-${id}`, id), dueBy)).toBeNull();
    expect(sqlite.db.prepare('SELECT COUNT(*) AS n FROM notifications').get()).toEqual({ n: 0 });
  });
});
