import { Task, type TaskStats } from '@primetrade/domain';
import { describeOnMongoServer, fixtureTasks, NOW } from '@primetrade/testing';
import type { Connection, Model } from 'mongoose';
import { PLAINTEXT_TASK_CONTENT } from '../../core/tasks/task-content-sealer';
import { resolveMongoPersistenceOptions } from '../connection/mongo-persistence.options';
import { MongoEventOutbox } from '../events/mongo-event-outbox';
import { MongoTaskCounters } from './mongo-task-counters';
import { MongoTaskRepository } from './mongo-task.repository';
import { MongoTaskStatistics } from './mongo-task-statistics';
import { MongoTaskUnitOfWork } from './mongo-task-unit-of-work';
import { READ_MODEL_BUILDS, TASK_COUNTERS } from './task-counters.filter';
import { TaskDueCounterRecord, TaskDueCounterSchema } from './task-counters.schema';
import { type TaskStatsRow, taskStatsPipeline, toTaskStats } from './task-stats.pipeline';
import { toTaskRecord } from './task.mapper';
import { TaskRecord, TaskSchema } from './task.schema';

const HOUR = 3_600_000;

/**
 * The statistics read model on a real server: every write path keeps the counters equal to the
 * full aggregation, and the rebuild builds them for tasks written before them.
 */
describeOnMongoServer('MongoDB task counters', (database) => {
  jest.setTimeout(60_000);

  let connection: Connection;
  let tasks: Model<TaskRecord>;
  let counters: MongoTaskCounters;
  let statistics: MongoTaskStatistics;

  beforeEach(async () => {
    connection = await database();
    tasks = connection.model<TaskRecord>(TaskRecord.name, TaskSchema);
    const due = connection.model<TaskDueCounterRecord>(TaskDueCounterRecord.name, TaskDueCounterSchema);
    await Promise.all([tasks.init(), due.init()]);
    counters = new MongoTaskCounters(tasks);
    statistics = new MongoTaskStatistics(
      tasks,
      resolveMongoPersistenceOptions({ uri: 'mongodb://unused', readPreference: 'primary' }),
      counters,
    );
  });

  const aggregated = async (owner: string, now: Date): Promise<TaskStats> =>
    toTaskStats((await tasks.collection.aggregate<TaskStatsRow>(taskStatsPipeline(owner, now)).toArray())[0]);

  async function expectCountersMatch(owner: string): Promise<void> {
    expect(await counters.built()).toBe(true);
    for (const now of [NOW, new Date(NOW.getTime() + 30 * 24 * HOUR)]) {
      expect(await statistics.overview(owner, now)).toEqual(await aggregated(owner, now));
    }
  }

  it('keeps the counters through inserts, updates, removals, deletes and a unit of work', async () => {
    await counters.rebuildAll(); // an empty database: recorded as built at once
    const outbox = new MongoEventOutbox(connection);
    const repository = new MongoTaskRepository(tasks, PLAINTEXT_TASK_CONTENT, outbox);
    const withoutOutbox = new MongoTaskRepository(tasks, PLAINTEXT_TASK_CONTENT);
    const unitOfWork = new MongoTaskUnitOfWork(connection, repository, outbox);

    const created = fixtureTasks('owner-a', 14);
    for (const [i, task] of created.entries()) await (i % 2 ? repository : withoutOutbox).insert(task);
    await expectCountersMatch('owner-a');

    const reload = async (id: string) => (await repository.findById('owner-a', id))!;
    const a = await reload(created[0].id);
    a.update({ priority: 'urgent', dueDate: new Date(NOW.getTime() - 3 * HOUR) }, NOW);
    await repository.update(a);
    const b = await reload(created[4].id);
    if (b.status !== 'completed') {
      b.update({ status: 'completed' }, NOW);
      await withoutOutbox.update(b);
    }
    const c = await reload(created[5].id);
    expect(await repository.remove(c)).toBe(true);
    const d = await reload(created[6].id);
    expect(await repository.delete('owner-a', d.id, d.version)).toBe(true);
    expect(await repository.delete('owner-a', d.id, d.version)).toBe(false);
    await expectCountersMatch('owner-a');

    const e = await reload(created[7].id);
    e.update({ priority: 'low', title: 'renamed' }, NOW);
    const fresh = Task.create({ id: 'uow-new', ownerId: 'owner-a', title: 'new', dueDate: new Date(NOW.getTime() + HOUR), now: NOW });
    const f = await reload(created[8].id);
    await unitOfWork.commit([
      { kind: 'update', task: e, events: [] },
      { kind: 'insert', task: fresh, events: [] },
      { kind: 'remove', task: f, events: [] },
    ]);
    await expectCountersMatch('owner-a');

    // A stale update aborts its transaction: the counters do not move either.
    const stale = await reload(created[9].id);
    const winner = await reload(created[9].id);
    winner.update({ priority: 'high' }, NOW);
    await repository.update(winner);
    stale.update({ priority: 'low' }, NOW);
    await expect(repository.update(stale)).rejects.toThrow();
    await expectCountersMatch('owner-a');
  });

  it('aggregates until built, then rebuilds tasks written before the counters and zeroes owners without tasks', async () => {
    await tasks.insertMany([...fixtureTasks('owner-a'), ...fixtureTasks('owner-b', 9, 'b')].map(toTaskRecord)); // not through the repository: no counters
    // Counters left by writes before the build, for an owner whose tasks are gone since.
    await connection.collection(TASK_COUNTERS).insertOne({
      _id: 'owner-z:todo:low' as never,
      owner: 'owner-z',
      status: 'todo',
      priority: 'low',
      tasks: -1,
      completionMsSum: 0,
      completionCount: 0,
    });
    expect(await counters.built()).toBe(false);
    expect(await statistics.overview('owner-a', NOW)).toEqual(await aggregated('owner-a', NOW));

    await counters.rebuildAll();
    expect(await connection.collection(READ_MODEL_BUILDS).countDocuments({ _id: TASK_COUNTERS as never })).toBe(1);
    await expectCountersMatch('owner-a');
    await expectCountersMatch('owner-b');
    expect((await statistics.overview('owner-z', NOW)).total).toBe(0);
  });
});
