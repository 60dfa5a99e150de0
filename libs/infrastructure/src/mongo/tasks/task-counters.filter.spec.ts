import { TASK_PRIORITIES, TASK_STATUSES, type TaskStats } from '@primetrade/domain';
import { fixtureTasks, MingoCollection, NOW } from '@primetrade/testing';
import fc from 'fast-check';
import type { Schema } from 'mongoose';
import {
  type CountedTask,
  type CounterRebuildRow,
  type CounterUpsert,
  counterRebuildPipeline,
  countersToTaskStats,
  currentDuePipeline,
  DUE_PERIOD_MS,
  dueCounterRebuildPipeline,
  nextCounterOwnerQuery,
  OPEN_DUE_INDEX,
  nextOwnerQuery,
  ownerCountersFilter,
  pastDuePipeline,
  rebuiltCounterDocs,
  rebuiltDueCounterDocs,
  type TaskCounterDoc,
  type TaskDueCounterDoc,
  taskCounterWrites,
} from './task-counters.filter';
import { type TaskStatsRow, taskStatsPipeline, toTaskStats } from './task-stats.pipeline';
import { toTaskRecord } from './task.mapper';
import { TaskSchema } from './task.schema';
import { TaskCounterSchema, TaskDueCounterSchema } from './task-counters.schema';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
type StoredTask = CountedTask & { _id: string };

/** The driver's `updateOne(filter, update, { upsert: true })`, run by mingo (it has no $setOnInsert). */
function upsert<T extends object>(collection: MingoCollection<T>, { filter, update }: CounterUpsert): void {
  const inc = update['$inc'] as Record<string, number>;
  if (collection.updateOne(filter, { $inc: inc }).matchedCount === 1) return;
  collection.docs.push({ ...filter, ...(update['$setOnInsert'] as object), ...inc } as T);
}

/** The tasks, the two counter collections, and the repository's writes applied to them. */
class Store {
  readonly tasks = new MingoCollection<StoredTask>([]);
  readonly counters = new MingoCollection<TaskCounterDoc>([]);
  readonly due = new MingoCollection<TaskDueCounterDoc>([]);

  private write(before: CountedTask | null, after: CountedTask | null): void {
    const writes = taskCounterWrites(before, after);
    for (const w of writes.counters) upsert(this.counters, w);
    for (const w of writes.dueCounters) upsert(this.due, w);
  }
  insert(task: StoredTask): void {
    this.tasks.docs.push(task);
    this.write(null, task);
  }
  update(id: string, change: Partial<CountedTask>): void {
    const i = this.tasks.docs.findIndex((t) => t._id === id);
    const before = this.tasks.docs[i];
    this.tasks.docs[i] = { ...before, ...change };
    this.write(before, this.tasks.docs[i]);
  }
  remove(id: string): void {
    const i = this.tasks.docs.findIndex((t) => t._id === id);
    const [before] = this.tasks.docs.splice(i, 1);
    this.write(before, null);
  }
  /** What MongoTaskStatistics reads: the counters plus the two due rows. */
  fromCounters(owner: string, now: Date): TaskStats {
    return countersToTaskStats(
      this.counters.find(ownerCountersFilter(owner)),
      this.due.aggregate<{ overdue: number }>(pastDuePipeline(owner, now))[0],
      this.tasks.aggregate<{ overdue: number; dueSoon: number }>(currentDuePipeline(owner, now))[0],
    );
  }
  /** The reference: the aggregation over every task of the owner (the rebuild path's source of truth). */
  fromTasks(owner: string, now: Date): TaskStats {
    return toTaskStats(this.tasks.aggregate<TaskStatsRow>(taskStatsPipeline(owner, now))[0]);
  }
  /** The rebuild's documents for one owner, from the tasks. */
  rebuilt(owner: string): { counters: TaskCounterDoc[]; due: TaskDueCounterDoc[] } {
    return {
      counters: rebuiltCounterDocs(owner, this.tasks.aggregate<CounterRebuildRow>(counterRebuildPipeline(owner))),
      due: rebuiltDueCounterDocs(owner, this.tasks.aggregate<{ _id: number; openTasks: number }>(dueCounterRebuildPipeline(owner))),
    };
  }
}

const nonZero = <T extends { _id: string }>(docs: T[], live: (d: T) => boolean) =>
  docs.filter(live).sort((a, b) => a._id.localeCompare(b._id));

describe('MongoDB task counters (statistics read model, executed by mingo)', () => {
  const fixtures = [...fixtureTasks('owner-a'), ...fixtureTasks('owner-b', 9, 'other')].map((t) => {
    const r = toTaskRecord(t);
    return {
      _id: r._id,
      owner: r.owner,
      status: r.status,
      priority: r.priority,
      dueDate: r.dueDate,
      createdAt: r.createdAt,
      completedAt: r.completedAt,
    };
  });

  it('gives the statistics of the full aggregation, from the counters and two short due ranges', () => {
    const store = new Store();
    for (const task of fixtures) store.insert(task);
    for (const now of [NOW, new Date(NOW.getTime() + 3 * DAY), new Date(0)]) {
      for (const owner of ['owner-a', 'owner-b', 'nobody']) expect(store.fromCounters(owner, now)).toEqual(store.fromTasks(owner, now));
    }
    expect(store.fromCounters('owner-a', NOW).overdue).toBeGreaterThan(1);
    expect(store.fromCounters('owner-a', NOW).dueSoon).toBeGreaterThan(0);
  });

  it('counts due dates on both sides of a due period’s start, and exactly at now and now + 24 h', () => {
    const store = new Store();
    const start = Math.ceil(NOW.getTime() / DUE_PERIOD_MS) * DUE_PERIOD_MS; // the next period's start
    const now = new Date(start + HOUR);
    const dues = [
      start - 1,
      start,
      start + 1,
      now.getTime(),
      now.getTime() - 1,
      now.getTime() + DAY,
      now.getTime() + DAY - 1,
      start - DUE_PERIOD_MS,
    ];
    dues.forEach((due, i) =>
      store.insert({
        _id: `t${i}`,
        owner: 'o',
        status: 'todo',
        priority: 'low',
        dueDate: new Date(due),
        createdAt: NOW,
        completedAt: null,
      }),
    );
    const stats = store.fromCounters('o', now);
    expect(stats).toEqual(store.fromTasks('o', now));
    expect(stats).toMatchObject({ overdue: 5, dueSoon: 2 });
  });

  it('writes nothing for a change the counters do not follow, and moves one count for a status change', () => {
    const task = fixtures.find((t) => t.status === 'todo' && t.dueDate !== null)!;
    expect(taskCounterWrites(task, { ...task })).toEqual({ counters: [], dueCounters: [] });
    const done = { ...task, status: 'completed' as const, completedAt: new Date(task.createdAt.getTime() + 5 * HOUR) };
    const writes = taskCounterWrites(task, done);
    expect(writes.counters).toEqual([
      {
        filter: { _id: `${task.owner}:todo:${task.priority}`, owner: task.owner },
        update: { $inc: { tasks: -1, completionMsSum: 0, completionCount: 0 }, $setOnInsert: { status: 'todo', priority: task.priority } },
      },
      {
        filter: { _id: `${task.owner}:completed:${task.priority}`, owner: task.owner },
        update: {
          $inc: { tasks: 1, completionMsSum: 5 * HOUR, completionCount: 1 },
          $setOnInsert: { status: 'completed', priority: task.priority },
        },
      },
    ]);
    // No longer open: it leaves its due period.
    expect(writes.dueCounters).toHaveLength(1);
    expect(writes.dueCounters[0].update).toEqual({
      $inc: { openTasks: -1 },
      $setOnInsert: { period: Math.floor(task.dueDate!.getTime() / DUE_PERIOD_MS) },
    });
  });

  it('carries the owner in every write filter and reads the owner’s 16 counters by _id', () => {
    for (const task of fixtures) {
      const writes = taskCounterWrites(null, task);
      for (const w of [...writes.counters, ...writes.dueCounters]) expect(w.filter['owner']).toBe(task.owner);
    }
    const filter = ownerCountersFilter('o') as { _id: { $in: string[] }; owner: string };
    expect(filter.owner).toBe('o');
    expect(filter._id.$in).toHaveLength(TASK_STATUSES.length * TASK_PRIORITIES.length);
  });

  it('bounds the current-period range by the period’s start and the end of the due-soon window', () => {
    const [match] = currentDuePipeline('o', NOW);
    const { dueDate } = match['$match'] as { dueDate: { $type: string; $gte: Date; $lt: Date } };
    expect(dueDate.$type).toBe('date');
    expect(NOW.getTime() - dueDate.$gte.getTime()).toBeLessThan(DUE_PERIOD_MS);
    expect(dueDate.$lt.getTime() - NOW.getTime()).toBe(DAY);
  });

  it('has the indexes its reads walk: the current period’s range and the past periods’ sum', () => {
    const index = (schema: Schema, name: string) =>
      schema.indexes().find(([, options]) => (options as { name: string }).name === name)?.[0];
    // owner (equality), status ($in: two point ranges), then the due-date range: only the range's keys are read.
    expect(index(TaskSchema, OPEN_DUE_INDEX)).toEqual({ owner: 1, status: 1, dueDate: 1 });
    expect(index(TaskDueCounterSchema, 'owner_period')).toEqual({ owner: 1, period: 1 });
    expect(TaskCounterSchema.get('collection')).toBe('task_counters');
    expect(TaskDueCounterSchema.get('collection')).toBe('task_due_counters');
    for (const schema of [TaskCounterSchema, TaskDueCounterSchema]) expect(schema.get('shardKey')).toEqual({ owner: 'hashed' });
  });

  it('rebuilds from the tasks the same counters the writes keep', () => {
    const store = new Store();
    for (const task of fixtures) store.insert(task);
    const rebuilt = store.rebuilt('owner-a');
    expect(rebuilt.counters).toHaveLength(16);
    expect(nonZero(rebuilt.counters, (d) => d.tasks !== 0)).toEqual(
      nonZero(store.counters.find({ owner: 'owner-a' }), (d) => d.tasks !== 0),
    );
    expect(nonZero(rebuilt.due, (d) => d.openTasks !== 0)).toEqual(nonZero(store.due.find({ owner: 'owner-a' }), (d) => d.openTasks !== 0));
  });

  it('walks the owners one at a time in order', () => {
    const tasks = new MingoCollection(fixtures);
    const owners: string[] = [];
    for (let after: string | null = null; ;) {
      const { filter, sort } = nextOwnerQuery(after);
      const [row] = tasks.find(filter, sort, 1);
      if (!row) break;
      owners.push(row.owner);
      after = row.owner;
    }
    expect(owners).toEqual(['owner-a', 'owner-b']);
  });

  it('walks the owners that have counters one at a time, skipping each owner’s other keys', () => {
    const store = new Store();
    for (const task of fixtures) store.insert(task);
    const owners: string[] = [];
    for (let after: string | null = null; ;) {
      const { filter, sort } = nextCounterOwnerQuery(after);
      const [row] = store.counters.find(filter, sort, 1);
      if (!row) break;
      owners.push(row.owner);
      after = row.owner;
    }
    expect(owners).toEqual(['owner-a', 'owner-b']);
  });
});

// --- Property: any sequence of writes keeps the counters equal to the aggregation.

const START = NOW.getTime() - 40 * DAY;
const arbFields = fc.record({
  status: fc.constantFrom(...TASK_STATUSES),
  priority: fc.constantFrom(...TASK_PRIORITIES),
  // Due dates across several due periods around NOW, some on exact period starts.
  due: fc.option(
    fc.oneof(
      fc.integer({ min: -60 * DAY, max: 60 * DAY }).map((d) => NOW.getTime() + d),
      fc.integer({ min: -2, max: 2 }).map((k) => (Math.floor(NOW.getTime() / DUE_PERIOD_MS) + k) * DUE_PERIOD_MS),
    ),
    { nil: null },
  ),
  completedAfter: fc.integer({ min: 0, max: 30 * DAY }),
});
type Fields = typeof arbFields extends fc.Arbitrary<infer F> ? F : never;
const arbOp = fc.oneof(
  fc.record({
    kind: fc.constant('insert' as const),
    owner: fc.constantFrom('a', 'b'),
    created: fc.integer({ min: 0, max: 30 * DAY }),
    fields: arbFields,
  }),
  fc.record({ kind: fc.constant('update' as const), pick: fc.nat(), fields: arbFields }),
  fc.record({ kind: fc.constant('remove' as const), pick: fc.nat() }),
);

function stored(fields: Fields, createdAt: Date): Omit<CountedTask, 'owner'> {
  return {
    status: fields.status,
    priority: fields.priority,
    dueDate: fields.due === null ? null : new Date(fields.due),
    createdAt,
    completedAt: fields.status === 'completed' ? new Date(createdAt.getTime() + fields.completedAfter) : null,
  };
}

describe('MongoDB task counters (property)', () => {
  it('equal the full aggregation, and the rebuild, after any sequence of inserts, updates and deletes', () => {
    fc.assert(
      fc.property(fc.array(arbOp, { maxLength: 60 }), fc.integer({ min: -45 * DAY, max: 45 * DAY }), (ops, nowOffset) => {
        const store = new Store();
        let next = 0;
        for (const op of ops) {
          const live = store.tasks.docs;
          if (op.kind === 'insert') {
            store.insert({ _id: `t${next++}`, owner: op.owner, ...stored(op.fields, new Date(START + op.created)) });
          } else if (live.length > 0) {
            const target = live[op.pick % live.length];
            if (op.kind === 'update') store.update(target._id, stored(op.fields, target.createdAt));
            else store.remove(target._id);
          }
        }
        const now = new Date(NOW.getTime() + nowOffset);
        for (const owner of ['a', 'b']) {
          expect(store.fromCounters(owner, now)).toEqual(store.fromTasks(owner, now));
          const rebuilt = store.rebuilt(owner);
          expect(nonZero(rebuilt.counters, (d) => d.tasks !== 0)).toEqual(nonZero(store.counters.find({ owner }), (d) => d.tasks !== 0));
          expect(nonZero(rebuilt.due, (d) => d.openTasks !== 0)).toEqual(nonZero(store.due.find({ owner }), (d) => d.openTasks !== 0));
        }
      }),
      { numRuns: 300 },
    );
  });
});
