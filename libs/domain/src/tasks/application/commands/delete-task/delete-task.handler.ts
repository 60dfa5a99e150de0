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
    if (!(await this.tasks.delete(task.ownerId, task.id, task.version))) throw new TaskVersionConflictError();
    task.markDeleted(this.clock.now());
    await this.events.publish(task.pullEvents());
  }
}
