import type { Task } from '../model/task.entity';
import type { TaskPriority } from '../model/task-priority';
import type { TaskStatus } from '../model/task-status';

/** The read model of a task, as queries return it. */
export interface TaskView {
  id: string;
  ownerId: string;
  title: string;
  description: string;
  status: TaskStatus;
  priority: TaskPriority;
  dueDate: Date | null;
  tags: string[];
  createdAt: Date;
  updatedAt: Date;
  completedAt: Date | null;
  version: number;
}

export function toTaskView(task: Task): TaskView {
  return task.toProps();
}
