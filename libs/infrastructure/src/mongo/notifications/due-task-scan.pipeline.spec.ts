import {
  DUE_NOTICE_WINDOW_MS,
  type DueTask,
  Notification,
  type NotificationType,
  OPEN_TASK_STATUSES,
  Task,
  type TaskView,
  type DueSoonLead,
  UserPreferences,
} from '@primetrade/domain';
import { find } from 'mingo';
import { fixtureTasks, NOW } from '@primetrade/testing';
import { toTaskRecord } from '../tasks/task.mapper';
import type { TaskRecord } from '../tasks/task.schema';
import { toNotificationRecord } from './notification.mapper';
import { DUE_SCAN_KEYS, DUE_SCAN_PARTIAL_FILTER } from './due-task-scan.schema';
import { NOTIFICATIONS_COLLECTION, type NotificationRecord } from './notification.schema';
import { MingoDatabase } from '@primetrade/testing';
import { type DueTaskRow, dueTaskMatch, dueTaskScanPipeline } from './due-task-scan.pipeline';
import { toPreferencesRecord } from './user-preferences.filter';
import { USER_PREFERENCES_COLLECTION, type UserPreferencesRecord } from './user-preferences.schema';

function preferencesOf(ownerId: string, dueSoonLead: DueSoonLead): UserPreferencesRecord {
  const p = UserPreferences.defaults(ownerId);
  p.change({ dueSoonLead }, NOW);
  return toPreferencesRecord(p);
}

const HOUR = 3_600_000;
const UNTIL = new Date(NOW.getTime() + DUE_NOTICE_WINDOW_MS);

function task(
  id: string,
  ownerId: string,
  dueDate: Date | null,
  status: 'todo' | 'in_progress' | 'completed' | 'cancelled' = 'todo',
): Task {
  const t = Task.create({ id, ownerId, title: `Task ${id}`, dueDate, now: new Date(NOW.getTime() - 500 * HOUR) });
  if (status !== 'todo') t.update({ status }, new Date(NOW.getTime() - 400 * HOUR));
  t.pullEvents();
  return Task.restore(t.toProps());
}

/** Tasks on the window's edges, and two owners' tasks due at the same instant (the _id tie-breaker). */
const edges = [
  task('edge-now', 'owner-c', NOW), // due exactly now: overdue
  task('edge-until', 'owner-c', UNTIL), // due exactly at the end of the window: due
  task('edge-after', 'owner-c', new Date(UNTIL.getTime() + 1)), // just outside
  task('edge-just-due', 'owner-c', new Date(NOW.getTime() + 1)), // 1 ms after now: due, not overdue
  task('tie-b', 'owner-b', new Date(NOW.getTime() + 5 * HOUR)),
  task('tie-a', 'owner-a', new Date(NOW.getTime() + 5 * HOUR), 'in_progress'),
  task('done-overdue', 'owner-c', new Date(NOW.getTime() - HOUR), 'completed'),
  task('dropped-overdue', 'owner-c', new Date(NOW.getTime() - HOUR), 'cancelled'),
  task('no-due', 'owner-c', null),
];

const tasks: Task[] = [...fixtureTasks('owner-a'), ...fixtureTasks('owner-b', 17, 'b-task'), ...edges];
/** The documents exactly as MongoTaskRepository writes them. */
const taskRecords: TaskRecord[] = tasks.map(toTaskRecord);
const views: TaskView[] = tasks.map((t) => t.toProps());

const neededType = (t: TaskView, now: Date): NotificationType =>
  (t.dueDate as Date).getTime() <= now.getTime() ? 'task-overdue' : 'task-due';

function notified(t: TaskView, type: NotificationType, ownerId = t.ownerId): NotificationRecord {
  return toNotificationRecord(
    Notification.create({ id: `n-${type}-${t.id}`, ownerId, taskId: t.id, type, taskTitle: t.title, dueDate: t.dueDate ?? NOW, now: NOW }),
  );
}

/** The port's definition, written independently of the pipeline. */
function reference(
  now: Date,
  until: Date,
  limit: number,
  existing: NotificationRecord[],
  leadMinutes: Record<string, number> = {},
): DueTask[] {
  const has = new Set(existing.map((n) => `${n.owner}|${n.taskId}|${n.type}`));
  return views
    .filter((t) => OPEN_TASK_STATUSES.includes(t.status) && t.dueDate !== null && t.dueDate.getTime() <= until.getTime())
    .sort((a, b) => (a.dueDate as Date).getTime() - (b.dueDate as Date).getTime() || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0))
    .map((t) => ({ taskId: t.id, ownerId: t.ownerId, type: neededType(t, now), dueDate: t.dueDate as Date }))
    .filter((d) => d.type === 'task-overdue' || d.dueDate.getTime() - now.getTime() <= (leadMinutes[d.ownerId] ?? 24 * 60) * 60_000)
    .filter((d) => !has.has(`${d.ownerId}|${d.taskId}|${d.type}`))
    .slice(0, limit);
}

function scan(
  now: Date,
  until: Date,
  limit: number,
  existing: NotificationRecord[] = [],
  preferences: UserPreferencesRecord[] = [],
): DueTaskRow[] {
  const db = new MingoDatabase({ tasks: taskRecords, [NOTIFICATIONS_COLLECTION]: existing, [USER_PREFERENCES_COLLECTION]: preferences });
  return db.aggregate<DueTaskRow>('tasks', dueTaskScanPipeline(now, until, limit));
}

const byId = (id: string) => views.find((t) => t.id === id) as TaskView;

describe('due-task scan pipeline (executed by mingo with its $lookup)', () => {
  it('has fixtures on every edge of the window and of the statuses', () => {
    const inWindow = reference(NOW, UNTIL, 1000, []);
    expect(inWindow.some((d) => d.type === 'task-overdue') && inWindow.some((d) => d.type === 'task-due')).toBe(true);
    expect(new Set(inWindow.map((d) => d.ownerId)).size).toBe(3);
  });

  it('finds every open task due in the window, across owners, earliest due first, with the type it needs', () => {
    const rows = scan(NOW, UNTIL, 1000);
    expect(rows).toEqual(reference(NOW, UNTIL, 1000, []));
    expect(rows.length).toBeGreaterThan(10);
    for (const row of rows) expect(Object.keys(row).sort()).toEqual(['dueDate', 'ownerId', 'taskId', 'type']);
  });

  it('draws the window’s edges as the port says: overdue at or before now, due up to and including until', () => {
    const rows = new Map(scan(NOW, UNTIL, 1000).map((r) => [r.taskId, r.type]));
    expect(rows.get('edge-now')).toBe('task-overdue');
    expect(rows.get('edge-just-due')).toBe('task-due');
    expect(rows.get('edge-until')).toBe('task-due');
    for (const id of ['edge-after', 'done-overdue', 'dropped-overdue', 'no-due']) expect(rows.has(id)).toBe(false);
  });

  it('breaks a tie on the due date by task id, whoever the owner', () => {
    const ids = scan(NOW, UNTIL, 1000).map((r) => r.taskId);
    expect(ids.indexOf('tie-a')).toBe(ids.indexOf('tie-b') - 1);
  });

  it('leaves out tasks that already have the notification of that type, and only those', () => {
    const overdue = byId('edge-now');
    const due = byId('tie-a');
    const existing = [
      notified(overdue, 'task-overdue'),
      // A task-due notice does not stand in for the overdue one (and vice versa).
      notified(byId('edge-until'), 'task-overdue'),
      notified(due, 'task-due'),
      notified(byId('tie-b'), 'task-overdue'),
    ];
    const ids = scan(NOW, UNTIL, 1000, existing).map((r) => r.taskId);
    expect(ids).not.toContain('edge-now');
    expect(ids).not.toContain('tie-a');
    expect(ids).toContain('edge-until');
    expect(ids).toContain('tie-b');
    expect(scan(NOW, UNTIL, 1000, existing)).toEqual(reference(NOW, UNTIL, 1000, existing));
  });

  it('needs a due notice again once the task went overdue', () => {
    const t = byId('edge-until');
    const existing = [notified(t, 'task-due')];
    expect(scan(NOW, UNTIL, 1000, existing).find((r) => r.taskId === t.id)).toBeUndefined();
    const later = new Date(UNTIL.getTime() + HOUR);
    expect(scan(later, new Date(later.getTime() + DUE_NOTICE_WINDOW_MS), 1000, existing).find((r) => r.taskId === t.id)).toEqual({
      taskId: t.id,
      ownerId: t.ownerId,
      type: 'task-overdue',
      dueDate: t.dueDate,
    });
  });

  it('joins on the owner too (the whole unique key): a notification stored under another owner does not count', () => {
    const t = byId('edge-now');
    expect(scan(NOW, UNTIL, 1000, [notified(t, 'task-overdue', 'someone-else')]).map((r) => r.taskId)).toContain('edge-now');
  });

  it('repeats nothing once every task found has its notification', () => {
    const first = scan(NOW, UNTIL, 1000);
    const existing = first.map((d) => notified(byId(d.taskId), d.type));
    expect(scan(NOW, UNTIL, 1000, existing)).toEqual([]);
  });

  it('returns at most `limit`, the earliest due, and the next scan continues where it stopped', () => {
    const all = reference(NOW, UNTIL, 1000, []);
    for (const limit of [1, 3, 7]) expect(scan(NOW, UNTIL, limit)).toEqual(all.slice(0, limit));
    const existing: NotificationRecord[] = [];
    const seen: DueTask[] = [];
    for (let round = 0; round < 100; round++) {
      const batch = scan(NOW, UNTIL, 4, existing);
      if (batch.length === 0) break;
      seen.push(...batch);
      existing.push(...batch.map((d) => notified(byId(d.taskId), d.type)));
    }
    expect(seen).toEqual(all);
  });

  it('moves with "now" and "until": long before every due date nothing is due', () => {
    expect(scan(new Date(0), new Date(DUE_NOTICE_WINDOW_MS), 1000)).toEqual([]);
    const later = new Date(NOW.getTime() + 100 * HOUR);
    expect(scan(later, new Date(later.getTime() + DUE_NOTICE_WINDOW_MS), 1000)).toEqual(
      reference(later, new Date(later.getTime() + DUE_NOTICE_WINDOW_MS), 1000, []),
    );
  });

  it('keeps a "due soon" task only within its owner’s lead (the default without preferences), overdue ones whatever the lead', () => {
    const preferences = [preferencesOf('owner-a', '1h'), preferencesOf('owner-b', 'none'), preferencesOf('owner-c', '15m')];
    const leads = { 'owner-a': 60, 'owner-b': 0, 'owner-c': 15 };
    const rows = scan(NOW, UNTIL, 1000, [], preferences);
    expect(rows).toEqual(reference(NOW, UNTIL, 1000, [], leads));
    expect(rows.some((r) => r.ownerId === 'owner-b' && r.type === 'task-due')).toBe(false);
    expect(rows.some((r) => r.ownerId === 'owner-b' && r.type === 'task-overdue')).toBe(true);
    expect(rows.find((r) => r.taskId === 'edge-just-due')?.type).toBe('task-due'); // 1 ms ahead, within 15 minutes
    expect(rows.length).toBeLessThan(scan(NOW, UNTIL, 1000).length);
  });

  describe('index use', () => {
    it('starts with the match and the sort the scan index serves', () => {
      const [match, sort] = dueTaskScanPipeline(NOW, UNTIL, 10);
      expect(match).toEqual({ $match: { status: { $in: ['todo', 'in_progress'] }, dueDate: { $type: 'date', $lte: UNTIL } } });
      expect(sort).toEqual({ $sort: { dueDate: 1, _id: 1 } });
      const keys = DUE_SCAN_KEYS;
      expect(Object.keys(keys)).toEqual(['status', ...Object.keys(sort['$sort'] as object)]);
    });

    it('matches only tasks inside the index’s partial filter (so the planner may use it)', () => {
      const matched = find(taskRecords as unknown as Record<string, unknown>[], dueTaskMatch(UNTIL)).all();
      const indexed = new Set(
        find(taskRecords as unknown as Record<string, unknown>[], DUE_SCAN_PARTIAL_FILTER)
          .all()
          .map((d) => d['_id']),
      );
      expect(matched.length).toBeGreaterThan(0);
      for (const doc of matched) expect(indexed.has(doc['_id'])).toBe(true);
      expect(indexed.has('no-due')).toBe(false);
      // The partial filter repeated verbatim in the query: the planner's implication check is trivial.
      expect(dueTaskMatch(UNTIL)['dueDate']).toMatchObject(DUE_SCAN_PARTIAL_FILTER.dueDate);
    });

    it('probes notifications by owner, task and type: the fields of their unique key index', () => {
      const lookup = dueTaskScanPipeline(NOW, UNTIL, 10)
        .map((stage) => stage['$lookup'] as Record<string, unknown> | undefined)
        .find((l) => l?.['from'] === NOTIFICATIONS_COLLECTION) as Record<string, unknown>;
      expect(lookup['from']).toBe('notifications');
      expect(lookup['let']).toEqual({ owner: '$owner', taskId: '$_id', type: '$type' });
      const [probe] = lookup['pipeline'] as Array<{ $match: { $expr: { $and: unknown[] } } }>;
      expect(probe.$match.$expr.$and).toEqual([
        { $eq: ['$owner', '$$owner'] },
        { $eq: ['$taskId', '$$taskId'] },
        { $eq: ['$type', '$$type'] },
      ]);
    });

    it('limits after the anti-join, never before it', () => {
      const stages = dueTaskScanPipeline(NOW, UNTIL, 10).map((stage) => Object.keys(stage)[0]);
      expect(stages.indexOf('$limit')).toBeGreaterThan(stages.lastIndexOf('$match'));
    });
  });
});
