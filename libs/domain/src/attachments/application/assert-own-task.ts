import { TaskNotFoundError, type TaskRepository } from '../../tasks';

/** Attachments live under a task of the caller's: another owner's task is a plain 404. */
export async function assertOwnTask(tasks: TaskRepository, ownerId: string, taskId: string): Promise<void> {
  if (!(await tasks.findById(ownerId, taskId))) throw new TaskNotFoundError();
}
