import { Task, TaskVersionConflictError } from '@primetrade/domain';
import { describeTaskUnitOfWorkContract, SequentialIdGenerator } from '@primetrade/testing';
import { PLAINTEXT_TASK_CONTENT } from '../../core/tasks/task-content-sealer';
import { SqliteDatabase } from '../database/sqlite-database';
import { SqliteEventOutbox } from '../events/sqlite-event-outbox';
import { SqliteTaskRepository } from './sqlite-task.repository';
import { SqliteTaskStatistics } from './sqlite-task-statistics';
import { SqliteTaskUnitOfWork } from './sqlite-task-unit-of-work';

const open = (sqlite: SqliteDatabase) => {
  const outbox = new SqliteEventOutbox(sqlite, new SequentialIdGenerator('event'));
  const tasks = new SqliteTaskRepository(sqlite, PLAINTEXT_TASK_CONTENT, outbox);
  return { tasks, outbox, unitOfWork: new SqliteTaskUnitOfWork(sqlite, tasks, outbox) };
};

describeTaskUnitOfWorkContract('sqlite', async () => {
  const sqlite = new SqliteDatabase({ file: ':memory:' });
  const { tasks, outbox, unitOfWork } = open(sqlite);
  return {
    tasks,
    unitOfWork,
    events: async () => (await outbox.pending(1000)).map((e) => e.type),
    dispose: async () => sqlite.close(),
  };
});

describe('SqliteTaskUnitOfWork', () => {
  it('keeps the trigger-kept counters equal to the rows after a commit and after a rollback', async () => {
    const sqlite = new SqliteDatabase({ file: ':memory:' });
    const { tasks, unitOfWork } = open(sqlite);
    const statistics = new SqliteTaskStatistics(sqlite);
    const now = new Date('2026-06-15T12:00:00.000Z');
    const make = (id: string) => Task.create({ id, ownerId: 'o1', title: id, priority: 'high', now });
    const a = make('a');
    await unitOfWork.commit([{ kind: 'insert', task: a, events: a.pullEvents() }]);
    const b = make('b');
    const stale = Task.restore({ ...a.toProps(), version: 7 });
    stale.complete(now);
    await expect(
      unitOfWork.commit([
        { kind: 'insert', task: b, events: b.pullEvents() },
        { kind: 'update', task: stale, events: stale.pullEvents() },
      ]),
    ).rejects.toBeInstanceOf(TaskVersionConflictError);
    const stats = await statistics.overview('o1', now);
    expect(stats).toMatchObject({ total: 1, byStatus: { todo: 1, completed: 0 }, byPriority: { high: 1 } });
    expect(await tasks.findById('o1', 'b')).toBeNull();
    sqlite.close();
  });
});
