import type { TaskListCriteria, TaskSortField } from '@primetrade/domain';

/**
 * The two tables tasks live in (migration 22): the hot one and the archive, each with its tags,
 * trigram index and the same set of indexes under its own names. The list SQL is written once and
 * takes the table to read.
 */
export interface TaskTable {
  name: string;
  tags: string;
  fts: string;
  /** The (owner, key, id) index each sort walks, in either direction. */
  sortIndex: Readonly<Record<TaskSortField, string>>;
  /** (owner, status, created_at, id): one status, by creation. */
  statusIndex: string;
}

export const HOT_TASKS: TaskTable = {
  name: 'tasks',
  tags: 'task_tags',
  fts: 'tasks_fts',
  sortIndex: {
    createdAt: 'tasks_owner_created_id',
    updatedAt: 'tasks_owner_updated_id',
    dueDate: 'tasks_owner_due_sort_id',
    priority: 'tasks_owner_rank_id',
  },
  statusIndex: 'tasks_owner_status_created_id',
};

export const ARCHIVED_TASKS: TaskTable = {
  name: 'tasks_archive',
  tags: 'task_archive_tags',
  fts: 'tasks_archive_fts',
  sortIndex: {
    createdAt: 'tasks_archive_owner_created_id',
    updatedAt: 'tasks_archive_owner_updated_id',
    dueDate: 'tasks_archive_owner_due_sort_id',
    priority: 'tasks_archive_owner_rank_id',
  },
  statusIndex: 'tasks_archive_owner_status_created_id',
};

export const taskTableOf = (criteria: Pick<TaskListCriteria, 'archived'>): TaskTable => (criteria.archived ? ARCHIVED_TASKS : HOT_TASKS);
