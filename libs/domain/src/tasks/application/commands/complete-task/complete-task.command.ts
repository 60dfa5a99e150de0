import { Command } from '@nestjs/cqrs';
import type { TaskView } from '../../task.view';

export class CompleteTaskCommand extends Command<TaskView> {
  constructor(
    readonly ownerId: string,
    readonly taskId: string,
    readonly ifMatch?: number,
  ) {
    super();
  }
}
