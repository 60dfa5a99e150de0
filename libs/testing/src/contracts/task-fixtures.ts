import { Task, type TaskPriority, type TaskStatus, TASK_PRIORITIES, TASK_STATUSES } from '@primetrade/domain';

export const NOW = new Date('2026-06-15T12:00:00.000Z');
const HOUR = 3_600_000;

/**
 * A deterministic mix of tasks for one owner: every status and priority, due dates in the
 * past, soon, later and none, shared timestamps (to exercise the id tie-breaker) and tags.
 */
export function fixtureTasks(ownerId: string, count = 23, idPrefix = 'task'): Task[] {
  const tasks: Task[] = [];
  for (let i = 0; i < count; i++) {
    const created = new Date(NOW.getTime() - (100 - Math.floor(i / 2)) * HOUR); // pairs share createdAt
    const dueChoices = [null, -48, -1, 2, 20, 30, 200];
    const dueOffset = dueChoices[i % dueChoices.length];
    const task = Task.create({
      id: `${idPrefix}-${String(i).padStart(3, '0')}`,
      ownerId,
      title: i % 5 === 0 ? `Write REPORT number ${i}` : i === 7 ? 'Étude de marché' : `Task ${i}`,
      description: i % 4 === 0 ? `Notes with 100% effort_${i}` : '',
      priority: TASK_PRIORITIES[i % 4] as TaskPriority,
      dueDate: dueOffset === null ? null : new Date(NOW.getTime() + dueOffset * HOUR),
      tags: i % 3 === 0 ? ['work', `t${i % 2}`] : i % 3 === 1 ? ['home'] : [],
      now: created,
    });
    const target = TASK_STATUSES[i % 4] as TaskStatus;
    if (target !== 'todo') task.update({ status: target }, new Date(created.getTime() + (i + 1) * HOUR));
    task.pullEvents();
    tasks.push(Task.restore(task.toProps()));
  }
  return tasks;
}
