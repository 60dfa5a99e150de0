// The app's names for SDK types, so a renamed schema in openapi.json changes one file.
import type {
  bulkTasks,
  createTask,
  exportTasks,
  getTask,
  getTaskStats,
  getTaskTimeline,
  importTasks,
  listTasks,
  updateTask,
} from '@primetrade/api-client';
import type { ParamsOf, ResponseOf } from './sdk-types';

export type Task = ResponseOf<typeof getTask>;
export type TaskStatus = Task['status'];
export type TaskPriority = Task['priority'];
export type TaskPage = ResponseOf<typeof listTasks>;
export type TaskStats = ResponseOf<typeof getTaskStats>;
export type TaskTimeline = ResponseOf<typeof getTaskTimeline>;
export type TaskQuery = ParamsOf<typeof listTasks>;
export type NewTask = ParamsOf<typeof createTask>['body'];
export type TaskChanges = ParamsOf<typeof updateTask>['body'];
export type BulkOperation = ParamsOf<typeof bulkTasks>['body']['operations'][number];
export type BulkAnswer = ResponseOf<typeof bulkTasks>;
export type BulkResult = BulkAnswer['results'][number];
export type ExportFormat = NonNullable<ParamsOf<typeof exportTasks>['format']>;
export type ExportQuery = Omit<ParamsOf<typeof exportTasks>, 'format'>;
export type ImportReport = ResponseOf<typeof importTasks>;

export const TASK_STATUSES: readonly TaskStatus[] = ['todo', 'in_progress', 'completed', 'cancelled'];
export const TASK_PRIORITIES: readonly TaskPriority[] = ['low', 'medium', 'high', 'urgent'];

export const STATUS_LABELS: Record<TaskStatus, string> = {
  todo: 'To do',
  in_progress: 'In progress',
  completed: 'Completed',
  cancelled: 'Cancelled',
};

export const PRIORITY_LABELS: Record<TaskPriority, string> = {
  low: 'Low',
  medium: 'Medium',
  high: 'High',
  urgent: 'Urgent',
};
