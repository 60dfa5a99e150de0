import { Command } from '@nestjs/cqrs';
import type { TaskPriority } from '../../../model/task-priority';
import type { RecurrenceInput } from '../../../model/task-recurrence';
import type { TaskStatus } from '../../../model/task-status';
import type { TaskView } from '../../task.view';

export interface NewTask {
  title: string;
  description?: string;
  status?: TaskStatus;
  priority?: TaskPriority;
  dueDate?: Date | null;
  tags?: string[];
  /** Makes the task the first occurrence of a series (it needs a due date). */
  recurrence?: RecurrenceInput | null;
}

export class CreateTaskCommand extends Command<TaskView> {
  constructor(
    readonly ownerId: string,
    readonly task: NewTask,
  ) {
    super();
  }
}
