import {
  matchesTaskFilter,
  OPEN_TASK_STATUSES,
  resolveTaskFilter,
  type SortOrder,
  type TaskListCriteria,
  type TaskListPosition,
  type TaskProps,
  type TaskSortField,
  taskSortKey,
} from '@primetrade/domain';

/**
 * The task list query as pure functions over rows, mirroring the SQLite adapter's WHERE and
 * ORDER BY clause by clause, so the in-memory store pages exactly as the real ones do.
 */

/** A missing due date sorts after every date (the same stand-in SQLite uses). */
export const NO_DUE_DATE = Number.MAX_SAFE_INTEGER;

export function sortKey(task: TaskProps, sort: TaskSortField): number {
  return taskSortKey(task, sort) ?? NO_DUE_DATE;
}

/** Every criterion must hold; absent or empty criteria do not filter. */
export function matchesCriteria(task: TaskProps, criteria: TaskListCriteria): boolean {
  const due = task.dueDate?.getTime() ?? null;
  if (criteria.status?.length && !criteria.status.includes(task.status)) return false;
  if (criteria.priority?.length && !criteria.priority.includes(task.priority)) return false;
  // Stored tags are already trimmed and lower-cased by the entity.
  if (criteria.tag && !task.tags.includes(criteria.tag.trim().toLowerCase())) return false;
  // A task without a due date is neither before nor after any date (SQL's NULL comparison).
  if (criteria.dueBefore && !(due !== null && due < criteria.dueBefore.getTime())) return false;
  if (criteria.dueAfter && !(due !== null && due > criteria.dueAfter.getTime())) return false;
  if (criteria.overdue && !(OPEN_TASK_STATUSES.includes(task.status) && due !== null && due < criteria.now.getTime())) return false;
  const q = criteria.q?.trim();
  if (q && !containsIgnoringCase(task.title, q) && !containsIgnoringCase(task.description, q)) return false;
  // The filter expression by the domain's reference semantics, which the stores are tested against.
  if (criteria.filter && !matchesTaskFilter(resolveTaskFilter(criteria.filter, criteria.now), task)) return false;
  return true;
}

/** Plain substring search: `%` and `_` are ordinary characters here, never wildcards. */
function containsIgnoringCase(text: string, needle: string): boolean {
  return text.toLowerCase().includes(needle.toLowerCase());
}

/** Orders by (key, id), both in `order`; ids compare as strings. */
export function compareTasks(sort: TaskSortField, order: SortOrder): (a: TaskProps, b: TaskProps) => number {
  const sign = order === 'asc' ? 1 : -1;
  return (a, b) => sign * (sortKey(a, sort) - sortKey(b, sort) || compareIds(a.id, b.id));
}

/** Whether the task comes strictly after the keyset position in the requested order. */
export function isAfterPosition(task: TaskProps, sort: TaskSortField, order: SortOrder, after: TaskListPosition): boolean {
  const key = sortKey(task, sort);
  const afterKey = after.key ?? NO_DUE_DATE;
  const sign = order === 'asc' ? 1 : -1;
  const byKey = sign * (key - afterKey);
  return byKey > 0 || (byKey === 0 && sign * compareIds(task.id, after.id) > 0);
}

function compareIds(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
