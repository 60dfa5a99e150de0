import { Command } from '@nestjs/cqrs';
import type { TaskView } from '../../task.view';

/** The completed task and, for a recurring one, the occurrence its completion created. */
export type CompletedTaskView = TaskView & { readonly nextOccurrence: TaskView | null };

export class CompleteTaskCommand extends Command<CompletedTaskView> {
  constructor(
    readonly ownerId: string,
    readonly taskId: string,
    readonly ifMatch?: number,
  ) {
    super();
  }
}
