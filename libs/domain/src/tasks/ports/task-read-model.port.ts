import type { TaskPriority } from '../model/task-priority';
import type { TaskStatus } from '../model/task-status';
import type { TaskView } from '../application/task.view';
import type { TaskFilterExpression } from '../model/task-filter';

export type TaskSortField = 'createdAt' | 'updatedAt' | 'dueDate' | 'priority';
export type SortOrder = 'asc' | 'desc';

export interface TaskListCriteria {
  status?: readonly TaskStatus[];
  priority?: readonly TaskPriority[];
  tag?: string;
  dueBefore?: Date;
  dueAfter?: Date;
  /** Open tasks whose due date is before `now`. */
  overdue?: boolean;
  /** Case-insensitive substring of title or description. */
  q?: string;
  /** A filter expression (AND-ed with the rest); stores resolve it at `now` (resolveTaskFilter). */
  filter?: TaskFilterExpression;
  /** The archive's tasks instead of the hot ones (TaskArchive), with the same criteria and keyset. */
  archived?: boolean;
  now: Date;
}

/**
 * A keyset position: the sort key of the last item seen and its id (the tie-breaker).
 * Keys are epoch milliseconds for dates, the rank for priority, and null for a missing
 * due date, which sorts as if it were later than every date.
 */
export interface TaskListPosition {
  key: number | null;
  id: string;
}

export interface TaskListRequest {
  criteria: TaskListCriteria;
  sort: TaskSortField;
  order: SortOrder;
  /** Ordered by (key, id) in `order`; items strictly after this position. */
  after: TaskListPosition | null;
  limit: number;
}

/** Query side of tasks (may read from a replica). */
export abstract class TaskReadModel {
  abstract list(ownerId: string, request: TaskListRequest): Promise<TaskView[]>;
}
