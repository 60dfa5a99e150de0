import { Command } from '@nestjs/cqrs';
import type { TaskChanges } from '../../../model/task.entity';
import type { TaskView } from '../../task.view';

export class UpdateTaskCommand extends Command<TaskView> {
  constructor(
    readonly ownerId: string,
    readonly taskId: string,
    readonly changes: TaskChanges,
    /** The version from the client's If-Match header, when it sent one. */
    readonly ifMatch?: number,
  ) {
    super();
  }
}
