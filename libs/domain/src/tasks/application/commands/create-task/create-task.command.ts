import { Command } from '@nestjs/cqrs';
import type { TaskPriority } from '../../../model/task-priority';
import type { TaskStatus } from '../../../model/task-status';
import type { TaskView } from '../../task.view';

export interface NewTask {
  title: string;
  description?: string;
  status?: TaskStatus;
  priority?: TaskPriority;
  dueDate?: Date | null;
  tags?: string[];
}

export class CreateTaskCommand extends Command<TaskView> {
  constructor(
    readonly ownerId: string,
    readonly task: NewTask,
  ) {
    super();
  }
}
