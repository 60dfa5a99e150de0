import {
  DUE_SOON_WINDOW_MS,
  type Task,
  emptyTaskStats,
  OPEN_TASK_STATUSES,
  TASK_PRIORITIES,
  TASK_STATUSES,
  type TaskPriority,
  type TaskStats,
  type TaskStatus,
} from '@primetrade/domain';
import type { MongoDocument } from '../connection/mongo-query.types';
import type { TaskRecord } from './task.schema';

/**
 * The statistics read model on MongoDB, as SQLite's migration 7: per owner, status and priority
 * the task count and the sum and count of completion times (`task_counters`), and per owner and
 * due period the open tasks with a due date (`task_due_counters`). MongoTaskRepository changes
 * them in the transaction of every task write, from the stored task before and after it.
 */
export const TASK_COUNTERS = 'task_counters';
export const TASK_DUE_COUNTERS = 'task_due_counters';
/** One document, `_id` = TASK_COUNTERS, once the counters were built from the tasks (see the rebuild). */
export const READ_MODEL_BUILDS = 'read_model_builds';

/** A due period is 2^31 ms (about 25 days), as on SQLite (`due_at >> 31`). */
export const DUE_PERIOD_MS = 2 ** 31;
/** The index the current period's range walks: two ranges (todo, in_progress), counted from the keys alone. */
export const OPEN_DUE_INDEX = 'owner_status_dueDate';

/** The fields of a stored task that the counters follow. */
export type CountedTask = Pick<TaskRecord, 'owner' | 'status' | 'priority' | 'dueDate' | 'createdAt' | 'completedAt'>;
export const COUNTED_TASK_PROJECTION = { _id: 0, owner: 1, status: 1, priority: 1, dueDate: 1, createdAt: 1, completedAt: 1 } as const;

/** The same fields from the entity: a write's `after` state (the owner and createdAt never change). */
export function countedTaskOf(task: Task): CountedTask {
  return {
    owner: task.ownerId,
    status: task.status,
    priority: task.priority,
    dueDate: task.dueDate,
    createdAt: task.createdAt,
    completedAt: task.completedAt,
  };
}

export interface TaskCounterDoc {
  _id: string;
  owner: string;
  status: TaskStatus;
  priority: TaskPriority;
  tasks: number;
  completionMsSum: number;
  completionCount: number;
}

export interface TaskDueCounterDoc {
  _id: string;
  owner: string;
  period: number;
  openTasks: number;
}

/** An upsert (`updateOne(filter, update, { upsert: true })`); the owner in the filter routes it to one shard. */
export interface CounterUpsert {
  filter: MongoDocument;
  update: MongoDocument;
}

export interface TaskCounterWrites {
  counters: CounterUpsert[];
  dueCounters: CounterUpsert[];
}

export const counterKey = (owner: string, status: TaskStatus, priority: TaskPriority): string => `${owner}:${status}:${priority}`;
export const dueCounterKey = (owner: string, period: number): string => `${owner}:${period}`;
/** Floor, so dates before 1970 fall in negative periods as SQLite's arithmetic shift puts them. */
export const duePeriodOf = (epochMs: number): number => Math.floor(epochMs / DUE_PERIOD_MS);

const isDate = (value: unknown): value is Date => value instanceof Date;
const isOpen = (status: TaskStatus): boolean => OPEN_TASK_STATUSES.includes(status);

/** A completed task's creation-to-completion time; null for any other. */
function completionMs(task: CountedTask): number | null {
  return task.status === 'completed' && isDate(task.completedAt) ? task.completedAt.getTime() - task.createdAt.getTime() : null;
}

/**
 * The `$inc` upserts that take the counters from a stored task's `before` state to its `after`
 * state (null before: an insert; null after: a delete). Changes that cancel out (an edit of the
 * title, a new due date in the same period) write nothing.
 */
export function taskCounterWrites(before: CountedTask | null, after: CountedTask | null): TaskCounterWrites {
  const counters = new Map<string, { owner: string; status: TaskStatus; priority: TaskPriority; inc: Record<string, number> }>();
  const due = new Map<string, { owner: string; period: number; openTasks: number }>();
  const add = (task: CountedTask, sign: 1 | -1) => {
    const key = counterKey(task.owner, task.status, task.priority);
    const entry = counters.get(key) ?? {
      owner: task.owner,
      status: task.status,
      priority: task.priority,
      inc: { tasks: 0, completionMsSum: 0, completionCount: 0 },
    };
    entry.inc['tasks'] += sign;
    const ms = completionMs(task);
    if (ms !== null) {
      entry.inc['completionMsSum'] += sign * ms;
      entry.inc['completionCount'] += sign;
    }
    counters.set(key, entry);
    if (isOpen(task.status) && isDate(task.dueDate)) {
      const period = duePeriodOf(task.dueDate.getTime());
      const dueKey = dueCounterKey(task.owner, period);
      const dueEntry = due.get(dueKey) ?? { owner: task.owner, period, openTasks: 0 };
      dueEntry.openTasks += sign;
      due.set(dueKey, dueEntry);
    }
  };
  if (before) add(before, -1);
  if (after) add(after, 1);

  const out: TaskCounterWrites = { counters: [], dueCounters: [] };
  for (const [key, { owner, status, priority, inc }] of counters) {
    // Every field, zeros too: a document the upsert creates then has all three.
    if (Object.values(inc).every((n) => n === 0)) continue;
    out.counters.push({ filter: { _id: key, owner }, update: { $inc: inc, $setOnInsert: { status, priority } } });
  }
  for (const [key, { owner, period, openTasks }] of due) {
    if (openTasks === 0) continue;
    out.dueCounters.push({ filter: { _id: key, owner }, update: { $inc: { openTasks }, $setOnInsert: { period } } });
  }
  return out;
}

/** The owner's 16 counter documents (status × priority) by `_id`: point reads on the `_id` index. */
export function ownerCountersFilter(owner: string): MongoDocument {
  const ids = TASK_STATUSES.flatMap((status) => TASK_PRIORITIES.map((priority) => counterKey(owner, status, priority)));
  return { _id: { $in: ids }, owner };
}

/** Open tasks due in the periods already over, summed from the due counters on `(owner, period)`. */
export function pastDuePipeline(owner: string, now: Date): MongoDocument[] {
  return [{ $match: { owner, period: { $lt: duePeriodOf(now.getTime()) } } }, { $group: { _id: null, overdue: { $sum: '$openTasks' } } }];
}

/**
 * Overdue and due-soon open tasks from the start of the current due period to the end of the
 * due-soon window: two ranges of `(owner, status, dueDate)` no longer than about 26 days each.
 * `$type: 'date'` keeps tasks without a due date out (in MongoDB null sorts below every date).
 */
export function currentDuePipeline(owner: string, now: Date): MongoDocument[] {
  const from = new Date(duePeriodOf(now.getTime()) * DUE_PERIOD_MS);
  const soon = new Date(now.getTime() + DUE_SOON_WINDOW_MS);
  return [
    { $match: { owner, status: { $in: [...OPEN_TASK_STATUSES] }, dueDate: { $type: 'date', $gte: from, $lt: soon } } },
    {
      $group: {
        _id: null,
        overdue: { $sum: { $cond: [{ $lt: ['$dueDate', now] }, 1, 0] } },
        dueSoon: { $sum: { $cond: [{ $gte: ['$dueDate', now] }, 1, 0] } },
      },
    },
  ];
}

export interface PastDueRow {
  overdue: number;
}
export interface CurrentDueRow {
  overdue: number;
  dueSoon: number;
}

/** The port's TaskStats from the owner's counter documents and the two due rows (absent: none). */
export function countersToTaskStats(
  counters: readonly TaskCounterDoc[],
  past: PastDueRow | undefined,
  current: CurrentDueRow | undefined,
): TaskStats {
  const stats = emptyTaskStats();
  let completionSum = 0;
  let completionCount = 0;
  for (const row of counters) {
    stats.total += row.tasks;
    stats.byStatus[row.status] += row.tasks;
    stats.byPriority[row.priority] += row.tasks;
    completionSum += row.completionMsSum;
    completionCount += row.completionCount;
  }
  stats.overdue = (past?.overdue ?? 0) + (current?.overdue ?? 0);
  stats.dueSoon = current?.dueSoon ?? 0;
  stats.completionRate = stats.total === 0 ? 0 : stats.byStatus.completed / stats.total;
  stats.averageCompletionMs = completionCount === 0 ? null : Math.round(completionSum / completionCount);
  return stats;
}

// --- The rebuild: the counters of one owner from the tasks, as absolute values.

const completedWithTime: MongoDocument = { $and: [{ $eq: ['$status', 'completed'] }, { $eq: [{ $type: '$completedAt' }, 'date'] }] };

/** One row per status and priority the owner has tasks in (the index prefix `owner` narrows it). */
export function counterRebuildPipeline(owner: string): MongoDocument[] {
  return [
    { $match: { owner } },
    {
      $group: {
        _id: { status: '$status', priority: '$priority' },
        tasks: { $sum: 1 },
        completionMsSum: { $sum: { $cond: [completedWithTime, { $subtract: ['$completedAt', '$createdAt'] }, 0] } },
        completionCount: { $sum: { $cond: [completedWithTime, 1, 0] } },
      },
    },
  ];
}

export interface CounterRebuildRow {
  _id: { status: TaskStatus; priority: TaskPriority };
  tasks: number;
  completionMsSum: number;
  completionCount: number;
}

/** All 16 documents of the owner, zeros included: the rebuild writes each (see MongoTaskCounters). */
export function rebuiltCounterDocs(owner: string, rows: readonly CounterRebuildRow[]): TaskCounterDoc[] {
  const found = new Map(rows.map((r) => [counterKey(owner, r._id.status, r._id.priority), r]));
  return TASK_STATUSES.flatMap((status) =>
    TASK_PRIORITIES.map((priority) => {
      const _id = counterKey(owner, status, priority);
      const row = found.get(_id);
      return {
        _id,
        owner,
        status,
        priority,
        tasks: row?.tasks ?? 0,
        completionMsSum: Number(row?.completionMsSum ?? 0),
        completionCount: row?.completionCount ?? 0,
      };
    }),
  );
}

/** The owner's open tasks with a due date, counted per due period (the date's ms: date minus epoch). */
export function dueCounterRebuildPipeline(owner: string): MongoDocument[] {
  return [
    { $match: { owner, status: { $in: [...OPEN_TASK_STATUSES] }, dueDate: { $type: 'date' } } },
    { $group: { _id: { $floor: { $divide: [{ $subtract: ['$dueDate', new Date(0)] }, DUE_PERIOD_MS] } }, openTasks: { $sum: 1 } } },
  ];
}

export function rebuiltDueCounterDocs(owner: string, rows: readonly { _id: number; openTasks: number }[]): TaskDueCounterDoc[] {
  return rows.map((r) => ({ _id: dueCounterKey(owner, Number(r._id)), owner, period: Number(r._id), openTasks: r.openTasks }));
}

/**
 * The owners, one at a time in `owner` order: each step is one seek on an owner-prefixed index
 * (`owner_priority`), so walking them costs one probe per owner, not a scan of every task.
 */
export function nextOwnerQuery(after: string | null) {
  return {
    filter: after === null ? {} : { owner: { $gt: after } },
    projection: { _id: 0, owner: 1 },
    sort: { owner: 1 } as Record<string, 1 | -1>,
    hint: 'owner_priority',
  };
}

/**
 * The owners that have counters, one at a time in `_id` order (seeks on the `_id` index): an
 * owner's keys are the range [`<owner>:`, `<owner>;`) (owner ids are uuids, without `:`). The
 * rebuild zeroes those of owners with no task left (deletes written before the counters existed).
 */
export function nextCounterOwnerQuery(after: string | null) {
  return {
    filter: after === null ? {} : { _id: { $gte: `${after};` } },
    projection: { _id: 0, owner: 1 },
    sort: { _id: 1 } as Record<string, 1 | -1>,
  };
}
