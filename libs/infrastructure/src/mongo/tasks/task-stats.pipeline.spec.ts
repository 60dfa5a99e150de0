import { emptyTaskStats, OPEN_TASK_STATUSES, Task, type TaskView } from '@primetrade/domain';
import { fixtureTasks, NOW } from '@primetrade/testing';
import { toTaskRecord } from './task.mapper';
import type { TaskRecord } from './task.schema';
import { MingoCollection } from '@primetrade/testing';
import { type TaskStatsRow, taskStatsPipeline, toTaskStats } from './task-stats.pipeline';

const OWNER = 'owner-a';
const HOUR = 3_600_000;

function openTask(id: string, dueDate: Date | null): Task {
  const task = Task.create({ id, ownerId: OWNER, title: id, dueDate, now: new Date(NOW.getTime() - 10 * HOUR) });
  task.pullEvents();
  return Task.restore(task.toProps());
}

/** Edges of the windows: due exactly now (due soon, not overdue), exactly now + 24 h (neither). */
const edges = [
  openTask('edge-now', NOW),
  openTask('edge-soon-end', new Date(NOW.getTime() + 24 * HOUR)),
  openTask('edge-just-overdue', new Date(NOW.getTime() - 1)),
  openTask('edge-no-due', null),
];
const mine = [...fixtureTasks(OWNER), ...edges];
const records = [...mine, ...fixtureTasks('owner-b', 9, 'other')].map(toTaskRecord);
const collection = new MingoCollection<TaskRecord>(records);
const views: TaskView[] = mine.map((t) => t.toProps());

const overview = (ownerId: string, now = NOW) => toTaskStats(collection.aggregate<TaskStatsRow>(taskStatsPipeline(ownerId, now))[0]);

describe('task statistics pipeline (executed by mingo)', () => {
  it('computes every figure of the overview for one owner', () => {
    const stats = overview(OWNER);
    const count = (p: (t: TaskView) => boolean) => views.filter(p).length;
    const open = (t: TaskView) => OPEN_TASK_STATUSES.includes(t.status);
    const completed = views.filter((t) => t.status === 'completed');
    expect(stats.total).toBe(views.length);
    expect(stats.byStatus).toEqual({
      todo: count((t) => t.status === 'todo'),
      in_progress: count((t) => t.status === 'in_progress'),
      completed: completed.length,
      cancelled: count((t) => t.status === 'cancelled'),
    });
    expect(stats.byPriority).toEqual({
      low: count((t) => t.priority === 'low'),
      medium: count((t) => t.priority === 'medium'),
      high: count((t) => t.priority === 'high'),
      urgent: count((t) => t.priority === 'urgent'),
    });
    const overdue = count((t) => open(t) && t.dueDate !== null && t.dueDate < NOW);
    const dueSoon = count((t) => open(t) && t.dueDate !== null && t.dueDate >= NOW && t.dueDate.getTime() < NOW.getTime() + 24 * HOUR);
    expect(overdue).toBeGreaterThan(1);
    expect(dueSoon).toBeGreaterThan(1);
    expect(stats.overdue).toBe(overdue);
    expect(stats.dueSoon).toBe(dueSoon);
    expect(stats.completionRate).toBeCloseTo(completed.length / views.length, 10);
    const avg = completed.reduce((sum, t) => sum + (t.completedAt!.getTime() - t.createdAt.getTime()), 0) / completed.length;
    expect(stats.averageCompletionMs).toBe(Math.round(avg));
  });

  it('counts a task due exactly now as due soon, and one due in exactly 24 h as neither', () => {
    const only = (ids: string[]) => new MingoCollection(records.filter((d) => ids.includes(d._id)));
    const run = (ids: string[]) => toTaskStats(only(ids).aggregate<TaskStatsRow>(taskStatsPipeline(OWNER, NOW))[0]);
    expect(run(['edge-now'])).toMatchObject({ overdue: 0, dueSoon: 1 });
    expect(run(['edge-soon-end'])).toMatchObject({ overdue: 0, dueSoon: 0 });
    expect(run(['edge-just-overdue'])).toMatchObject({ overdue: 1, dueSoon: 0 });
    expect(run(['edge-no-due'])).toMatchObject({ overdue: 0, dueSoon: 0, total: 1, averageCompletionMs: null, completionRate: 0 });
  });

  it('guards every due-date comparison with a type check (in MongoDB, null < any date)', () => {
    const group = taskStatsPipeline(OWNER, NOW)[1].$group as Record<string, { $sum: { $cond: [{ $and: unknown[] }] } }>;
    for (const figure of ['overdue', 'dueSoon']) {
      const conditions = group[figure].$sum.$cond[0].$and;
      expect(conditions).toContainEqual({ $eq: [{ $type: '$dueDate' }, 'date'] });
    }
  });

  it('starts with a match on the owner, so it runs on the owner’s shard only', () => {
    expect(taskStatsPipeline(OWNER, NOW)[0]).toEqual({ $match: { owner: OWNER } });
  });

  it('gives empty statistics to an owner without tasks', () => {
    expect(collection.aggregate(taskStatsPipeline('nobody', NOW))).toEqual([]);
    expect(overview('nobody')).toEqual(emptyTaskStats());
  });

  it('moves with "now": long before every due date nothing is overdue or due soon', () => {
    const stats = overview(OWNER, new Date(0));
    expect(stats.overdue).toBe(0);
    expect(stats.dueSoon).toBe(0);
    expect(stats.total).toBe(views.length);
  });
});
