// The app's names for SDK types, so a renamed schema in openapi.json changes one file.
import type {
  CreateTaskRequest,
  ListTasks$Params,
  TaskPage,
  TaskResponse,
  TaskStatsResponse,
  UpdateTaskRequest,
} from '@primetrade/api-client';

export type Task = TaskResponse;
export type TaskStatus = TaskResponse['status'];
export type TaskPriority = TaskResponse['priority'];
export type TaskStats = TaskStatsResponse;
export type TaskQuery = ListTasks$Params;
export type NewTask = CreateTaskRequest;
export type TaskChanges = UpdateTaskRequest;
export type { TaskPage };

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
