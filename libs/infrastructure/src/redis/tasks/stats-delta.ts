import { OPEN_TASK_STATUSES, TaskArchived, TaskCreated, TaskDeleted, TaskRestored, type TaskStatus, TaskUpdated } from '@primetrade/domain';

/** TaskFacts as they arrive in the event payload (dates as ISO strings). */
interface FactsJson {
  status: TaskStatus;
  priority: string;
  dueDate: string | null;
  createdAt: string;
  completedAt: string | null;
}

/** What one event changes in an owner's statistics projection. */
export interface StatsDelta {
  taskId: string;
  /** Hash field → increment (total, s:<status>, p:<priority>, csum = summed completion ms, archived). */
  counters: Record<string, number>;
  /** The task's entry in the open-tasks-by-due-date set. */
  due: { op: 'set'; score: number } | { op: 'del' } | { op: 'none' };
}

function add(counters: Record<string, number>, facts: FactsJson, sign: 1 | -1): void {
  const bump = (field: string, by: number) => (counters[field] = (counters[field] ?? 0) + by);
  bump('total', sign);
  bump(`s:${facts.status}`, sign);
  bump(`p:${facts.priority}`, sign);
  if (facts.status === 'completed' && facts.completedAt) bump('csum', sign * (Date.parse(facts.completedAt) - Date.parse(facts.createdAt)));
}

function dueOf(facts: FactsJson | null): StatsDelta['due'] {
  return facts && facts.dueDate && OPEN_TASK_STATUSES.includes(facts.status)
    ? { op: 'set', score: Date.parse(facts.dueDate) }
    : { op: 'del' };
}

/**
 * State-based: the before and after facts of a change, so increments commute and events may be
 * applied in any order. TaskCompleted (always paired with a TaskUpdated) and other events change
 * nothing.
 */
export function statsDelta(type: string, aggregateId: string, payload: Record<string, unknown>): StatsDelta {
  const counters: Record<string, number> = {};
  let before: FactsJson | null = null;
  let after: FactsJson | null = null;
  if (type === TaskCreated.TYPE) after = payload['facts'] as FactsJson;
  else if (type === TaskUpdated.TYPE) [before, after] = [payload['before'] as FactsJson, payload['after'] as FactsJson];
  else if (type === TaskDeleted.TYPE) before = payload['last'] as FactsJson;
  // The archive: out of the hot counters (as a deletion) and into its own count; a restore undoes both.
  else if (type === TaskArchived.TYPE) {
    before = payload['last'] as FactsJson;
    counters['archived'] = 1;
  } else if (type === TaskRestored.TYPE) {
    after = payload['facts'] as FactsJson;
    counters['archived'] = -1;
  } else return { taskId: aggregateId, counters, due: { op: 'none' } };
  if (before) add(counters, before, -1);
  if (after) add(counters, after, 1);
  for (const [field, by] of Object.entries(counters)) if (by === 0) delete counters[field];
  return { taskId: aggregateId, counters, due: dueOf(after) };
}
