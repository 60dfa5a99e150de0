import { describeOnMongoServer, describeTaskUnitOfWorkContract, MingoCollection } from '@primetrade/testing';
import { Task } from '@primetrade/domain';
import { PLAINTEXT_TASK_CONTENT } from '../../core/tasks/task-content-sealer';
import { MongoEventOutbox } from '../events/mongo-event-outbox';
import { MongoTaskRepository } from './mongo-task.repository';
import { MongoTaskUnitOfWork } from './mongo-task-unit-of-work';
import { toTaskProps, toTaskRecord } from './task.mapper';
import type { TaskRecord } from './task.schema';
import { TaskRecord as TaskRecordClass, TaskSchema } from './task.schema';
import { ownedTaskFilter, taskUpdate, taskVersionFilter } from './task-write.filter';

describeOnMongoServer('MongoTaskUnitOfWork', (database) => {
  describeTaskUnitOfWorkContract('mongodb', async () => {
    const connection = await database();
    const model = connection.model<TaskRecord>(TaskRecordClass.name, TaskSchema);
    await model.init();
    const outbox = new MongoEventOutbox(connection);
    const tasks = new MongoTaskRepository(model, PLAINTEXT_TASK_CONTENT, outbox);
    return {
      tasks,
      unitOfWork: new MongoTaskUnitOfWork(connection, tasks, outbox),
      events: async () => (await outbox.pending(1000)).map((e) => e.type),
      dispose: async () => undefined,
    };
  });
});

const NOW = new Date('2026-06-15T12:00:00.000Z');

/**
 * No server here: the documents a unit's writes send, in the order it sends them, run with mingo.
 * A later write of one task in the same unit matches the version the earlier one left.
 */
describe('a unit of work’s task writes (documents executed by mingo)', () => {
  const update = (docs: MingoCollection<TaskRecord>, task: Task) =>
    docs.updateOne(taskVersionFilter(task.ownerId, task.id, task.expectedStoredVersion), taskUpdate(task)).matchedCount;

  it('chains several changes of one task, each matching the version the previous one wrote', () => {
    const created = Task.create({ id: 't1', ownerId: 'o1', title: 'New', now: NOW });
    const docs = new MingoCollection<TaskRecord>([toTaskRecord(created)]);
    const first = Task.restore(created.toProps());
    first.update({ priority: 'high' }, NOW);
    const second = Task.restore(first.toProps());
    second.complete(NOW);
    expect([update(docs, first), update(docs, second)]).toEqual([1, 1]);
    expect(toTaskProps(docs.find(ownedTaskFilter('o1', 't1'))[0])).toMatchObject({ priority: 'high', status: 'completed', version: 3 });
  });

  it('matches nothing for a task changed since the unit read it, or another owner’s: the transaction aborts', () => {
    const created = Task.create({ id: 't1', ownerId: 'o1', title: 'New', now: NOW });
    const docs = new MingoCollection<TaskRecord>([toTaskRecord(created)]);
    const elsewhere = Task.restore(created.toProps());
    elsewhere.update({ title: 'Elsewhere' }, NOW);
    expect(update(docs, elsewhere)).toBe(1);
    const stale = Task.restore(created.toProps());
    stale.update({ title: 'Mine' }, NOW);
    expect(update(docs, stale)).toBe(0);
    const intruder = Task.restore({ ...created.toProps(), ownerId: 'o2', version: 2 });
    intruder.update({ title: 'Taken' }, NOW);
    expect(update(docs, intruder)).toBe(0);
    expect(docs.find(taskVersionFilter('o1', 't1', 2))[0].title).toBe('Elsewhere');
  });
});
