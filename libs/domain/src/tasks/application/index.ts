import { CompleteTaskHandler } from './commands/complete-task/complete-task.handler';
import { CreateTaskHandler } from './commands/create-task/create-task.handler';
import { DeleteTaskHandler } from './commands/delete-task/delete-task.handler';
import { UpdateTaskHandler } from './commands/update-task/update-task.handler';
import { BulkTasksHandler } from './commands/bulk-tasks/bulk-tasks.handler';
import { ImportTasksHandler } from './commands/import-tasks/import-tasks.handler';
import { ExportTasksHandler } from './queries/export-tasks/export-tasks.handler';
import { GetTaskHandler } from './queries/get-task/get-task.handler';
import { GetTaskStatsHandler } from './queries/get-task-stats/get-task-stats.handler';
import { GetTaskTimelineHandler } from './queries/get-task-timeline/get-task-timeline.handler';
import { ListTasksHandler } from './queries/list-tasks/list-tasks.handler';
import { RestoreTaskHandler } from './commands/restore-task/restore-task.handler';
import { ArchiveCompletedTasksHandler } from './commands/archive-completed-tasks/archive-completed-tasks.handler';

export * from './task.view';
export * from './task-stats';
export * from './task-timeline';
export * from './task-list-cursor';
export * from './next-occurrence';
export * from './commands/create-task/create-task.command';
export * from './commands/update-task/update-task.command';
export * from './commands/complete-task/complete-task.command';
export * from './commands/delete-task/delete-task.command';
export * from './commands/import-tasks/import-tasks.command';
export * from './commands/bulk-tasks/bulk-tasks.command';
export * from './commands/restore-task/restore-task.command';
export * from './commands/archive-completed-tasks/archive-completed-tasks.command';
export * from './queries/export-tasks/export-tasks.query';
export * from './task-pages';
export * from './queries/get-task/get-task.query';
export * from './queries/list-tasks/list-tasks.query';
export * from './queries/get-task-stats/get-task-stats.query';
export * from './queries/get-task-timeline/get-task-timeline.query';
export {
  BulkTasksHandler,
  ImportTasksHandler,
  ExportTasksHandler,
  CreateTaskHandler,
  UpdateTaskHandler,
  CompleteTaskHandler,
  DeleteTaskHandler,
  GetTaskHandler,
  ListTasksHandler,
  GetTaskStatsHandler,
  GetTaskTimelineHandler,
  RestoreTaskHandler,
  ArchiveCompletedTasksHandler,
};

/** Providers of the task use cases, for the composition root. */
export const taskHandlers = [
  BulkTasksHandler,
  ImportTasksHandler,
  ExportTasksHandler,
  CreateTaskHandler,
  UpdateTaskHandler,
  CompleteTaskHandler,
  DeleteTaskHandler,
  GetTaskHandler,
  ListTasksHandler,
  GetTaskStatsHandler,
  GetTaskTimelineHandler,
  RestoreTaskHandler,
  ArchiveCompletedTasksHandler,
];
