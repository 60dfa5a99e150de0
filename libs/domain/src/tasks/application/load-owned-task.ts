import { TaskNotFoundError, TaskPreconditionFailedError } from '../model/task.errors';
import type { Task } from '../model/task.entity';
import type { TaskRepository } from '../ports/task.repository.port';

/** Loads the owner's task and checks the client's If-Match version when one was given. */
export async function loadOwnedTask(tasks: TaskRepository, ownerId: string, id: string, ifMatch?: number): Promise<Task> {
  const task = await tasks.findById(ownerId, id);
  if (!task) throw new TaskNotFoundError();
  if (ifMatch !== undefined && ifMatch !== task.version) throw new TaskPreconditionFailedError(task.version);
  return task;
}
