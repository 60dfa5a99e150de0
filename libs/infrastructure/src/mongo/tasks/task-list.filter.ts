import {
  filterReadsText,
  OPEN_TASK_STATUSES,
  resolveTaskFilter,
  type SortOrder,
  type TaskListCriteria,
  type TaskListPosition,
  type TaskListRequest,
  type TaskSortField,
} from '@primetrade/domain';
import { NO_DUE_DATE_SORT_KEY } from './task.schema';
import { taskExpressionFilter } from './task-expression.filter';
import type { MongoDocument, MongoSort } from '../connection/mongo-query.types';

/** The stored field each sort field orders by, and how a position key becomes a stored value. */
const SORT_FIELDS: Record<TaskSortField, { field: string; value: (key: number | null) => unknown }> = {
  createdAt: { field: 'createdAt', value: (key) => new Date(key as number) },
  updatedAt: { field: 'updatedAt', value: (key) => new Date(key as number) },
  dueDate: { field: 'dueSortKey', value: (key) => key ?? NO_DUE_DATE_SORT_KEY },
  priority: { field: 'priorityRank', value: (key) => key as number },
};

export function escapeRegex(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/**
 * The filter of a task list: always the owner first (it is the shard key, so the query goes to
 * one shard), then each criterion as its own clause of an `$and`.
 */
export function taskListFilter(ownerId: string, criteria: TaskListCriteria): MongoDocument {
  const clauses: MongoDocument[] = [];
  if (criteria.status?.length) clauses.push({ status: { $in: [...criteria.status] } });
  if (criteria.priority?.length) clauses.push({ priority: { $in: [...criteria.priority] } });
  if (criteria.tag?.trim()) clauses.push({ tags: criteria.tag.trim().toLowerCase() });
  // A range on a date never matches null or a missing field (type bracketing), so "no due
  // date" falls out of every due-date criterion by itself.
  if (criteria.dueBefore) clauses.push({ dueDate: { $lt: criteria.dueBefore } });
  if (criteria.dueAfter) clauses.push({ dueDate: { $gt: criteria.dueAfter } });
  if (criteria.overdue) {
    clauses.push({ status: { $in: [...OPEN_TASK_STATUSES] } });
    clauses.push({ dueDate: { $lt: criteria.now } });
  }
  const q = criteria.q?.trim();
  if (q) {
    const pattern = { $regex: escapeRegex(q), $options: 'i' };
    clauses.push({ $or: [{ title: pattern }, { description: pattern }] });
  }
  if (criteria.filter) clauses.push(taskExpressionFilter(resolveTaskFilter(criteria.filter, criteria.now)));
  return clauses.length === 0 ? { owner: ownerId } : { owner: ownerId, $and: clauses };
}

/** Sort by the key, then by _id, both in the requested direction. */
export function taskListSort(sort: TaskSortField, order: SortOrder): MongoSort {
  const direction = order === 'asc' ? 1 : -1;
  return { [SORT_FIELDS[sort].field]: direction, _id: direction };
}

/** Items strictly after `after` in (key, _id) order: key beyond it, or the same key and a later id. */
export function taskKeysetCondition(sort: TaskSortField, order: SortOrder, after: TaskListPosition): MongoDocument {
  const { field, value } = SORT_FIELDS[sort];
  const beyond = order === 'asc' ? '$gt' : '$lt';
  const key = value(after.key);
  return { $or: [{ [field]: { [beyond]: key } }, { [field]: key, _id: { [beyond]: after.id } }] };
}

export interface TaskListQuery {
  filter: MongoDocument;
  sort: MongoSort;
  limit: number;
  /** The index the find walks (by name), so the plan never sorts in memory whatever the planner tries. */
  hint: string;
}

/** The (owner, key, _id) index of each sort (task.schema.ts), walked in either direction. */
export const TASK_SORT_INDEX: Record<TaskSortField, string> = {
  createdAt: 'owner_createdAt_id',
  updatedAt: 'owner_updatedAt_id',
  dueDate: 'owner_dueSortKey_id',
  priority: 'owner_priorityRank_id',
};

/**
 * The index a list walks: its sort's, or the status tab's (owner, status, createdAt, _id) when the
 * filter is one status sorted by creation. The other criteria are checked on the walk, so a page
 * reads about limit / (share of matching tasks) entries however many tasks the owner has.
 */
export function taskListIndex({ sort, criteria }: Pick<TaskListRequest, 'sort' | 'criteria'>): string {
  return sort === 'createdAt' && criteria.status?.length === 1 ? 'owner_status_createdAt_id' : TASK_SORT_INDEX[sort];
}

/** The whole find: filter (with the keyset condition when paging on), sort and limit. */
export function taskListQuery(ownerId: string, request: TaskListRequest): TaskListQuery {
  const filter = taskListFilter(ownerId, request.criteria);
  if (request.after) {
    const keyset = taskKeysetCondition(request.sort, request.order, request.after);
    filter.$and = [...((filter.$and as MongoDocument[] | undefined) ?? []), keyset];
  }
  return { filter, sort: taskListSort(request.sort, request.order), limit: request.limit, hint: taskListIndex(request) };
}

/**
 * Whether a list must be read as candidates and matched in the process (taskSearchCandidatesQuery):
 * a `q` search, or a filter expression that compares text, which sealed documents hide.
 */
export function needsTextScan(criteria: TaskListCriteria): boolean {
  if (criteria.q?.trim()) return true;
  return criteria.filter !== undefined && filterReadsText(resolveTaskFilter(criteria.filter, criteria.now));
}

/**
 * With ENCRYPT_TASK_CONTENT the store cannot match text inside sealed documents: this is the
 * candidates' query for decrypt-and-filter — owner and every other criterion, plus the text match
 * (`q`, and the filter expression when it compares text) for documents still in plaintext, plus
 * every sealed document; sorted the same, a batch of `size` strictly after `after`. The read model
 * matches the sealed ones in the process.
 */
export function taskSearchCandidatesQuery(
  ownerId: string,
  request: TaskListRequest,
  after: TaskListPosition | null,
  size: number,
): TaskListQuery {
  const { q, filter: expression, ...rest } = request.criteria;
  const filter = taskListFilter(ownerId, rest);
  const clauses: MongoDocument[] = [...((filter.$and as MongoDocument[] | undefined) ?? [])];
  const needle = q?.trim() ?? '';
  if (needle) {
    const pattern = { $regex: escapeRegex(needle), $options: 'i' };
    clauses.push({ $or: [{ contentSealed: true }, { title: pattern }, { description: pattern }] });
  }
  if (expression) {
    const condition = resolveTaskFilter(expression, request.criteria.now);
    const document = taskExpressionFilter(condition);
    clauses.push(filterReadsText(condition) ? { $or: [{ contentSealed: true }, document] } : document);
  }
  if (after) clauses.push(taskKeysetCondition(request.sort, request.order, after));
  return {
    filter: clauses.length === 0 ? { owner: ownerId } : { owner: ownerId, $and: clauses },
    sort: taskListSort(request.sort, request.order),
    limit: size,
    hint: taskListIndex(request),
  };
}

/** Projection for list reads: the view's fields only (the derived sort keys stay in the store). */
export const TASK_VIEW_PROJECTION = { dueSortKey: 0, priorityRank: 0 } as const;
