import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { Clock } from '../../../../shared/ports/clock.port';
import { DomainEventPublisher } from '../../../../shared/ports/event-publisher.port';
import { TaskVersionConflictError } from '../../../model/task.errors';
import { TaskRepository } from '../../../ports/task.repository.port';
import { loadOwnedTask } from '../../load-owned-task';
import { DeleteTaskCommand } from './delete-task.command';

@CommandHandler(DeleteTaskCommand)
export class DeleteTaskHandler implements ICommandHandler<DeleteTaskCommand> {
  constructor(
    private readonly tasks: TaskRepository,
    private readonly clock: Clock,
    private readonly events: DomainEventPublisher,
  ) {}

  async execute(command: DeleteTaskCommand): Promise<void> {
    const task = await loadOwnedTask(this.tasks, command.ownerId, command.taskId, command.ifMatch);
    // Delete only the version we looked at: a concurrent edit in between is a conflict, not lost.
    // The event is raised first, so a store with an outbox deletes and records it in one step.
    task.markDeleted(this.clock.now());
    if (!(await this.tasks.remove(task))) throw new TaskVersionConflictError();
    await this.events.publish(task.pullEvents());
  }
}
