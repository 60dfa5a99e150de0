import { Command } from '@nestjs/cqrs';
import type { TaskView } from '../../task.view';

/** Brings one archived task back among the hot ones. */
export class RestoreTaskCommand extends Command<TaskView> {
  constructor(
    readonly ownerId: string,
    readonly taskId: string,
  ) {
    super();
  }
}
