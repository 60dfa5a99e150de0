import { TaskPriority, TaskQuery, TaskStatus } from '../../../core/api/task.types';

export type SortField = NonNullable<TaskQuery['sort']>;
export type SortOrder = NonNullable<TaskQuery['order']>;

/** What the filter bar edits; turned into SDK query parameters by {@link toQuery}. */
export interface TaskFilters {
  /** The search field's text: words to search for, or a filter expression in `filter` mode. */
  q: string;
  /** `search`: `q` is plain text (`?q=`); `filter`: `q` is an expression (`?filter=`, see docs/filter-language.md). */
  mode: SearchMode;
  status: TaskStatus[];
  priority: TaskPriority[];
  tag: string;
  /** yyyy-mm-dd from a date input; empty for no bound. */
  dueAfter: string;
  dueBefore: string;
  overdue: boolean;
  /** The archive (completed tasks moved out after a while) instead of the current tasks. */
  archived: boolean;
  sort: SortField;
  order: SortOrder;
}

export type SearchMode = 'search' | 'filter';

export const DEFAULT_FILTERS: TaskFilters = {
  q: '',
  mode: 'search',
  status: [],
  priority: [],
  tag: '',
  dueAfter: '',
  dueBefore: '',
  overdue: false,
  archived: false,
  sort: 'createdAt',
  order: 'desc',
};

export const PAGE_SIZE = 50;

/** Omits empty filters so the URL stays short and the API applies its defaults. */
export function toQuery(filters: TaskFilters, cursor?: string): TaskQuery {
  const query: TaskQuery = { sort: filters.sort, order: filters.order, limit: PAGE_SIZE };
  if (filters.q.trim() && filters.mode === 'filter') query.filter = filters.q.trim();
  else if (filters.q.trim()) query.q = filters.q.trim();
  if (filters.status.length) query.status = filters.status;
  if (filters.priority.length) query.priority = filters.priority;
  if (filters.tag.trim()) query.tag = filters.tag.trim();
  // Date inputs give local calendar days; the window covers the whole of both days.
  if (filters.dueAfter) query.dueAfter = new Date(`${filters.dueAfter}T00:00:00`).toISOString();
  if (filters.dueBefore) query.dueBefore = new Date(`${filters.dueBefore}T23:59:59.999`).toISOString();
  if (filters.overdue) query.overdue = true;
  if (filters.archived) query.archived = true;
  if (cursor) query.cursor = cursor;
  return query;
}
