import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { Clock } from '../../../../shared/ports/clock.port';
import { DomainEventPublisher } from '../../../../shared/ports/event-publisher.port';
import { TaskRepository } from '../../../ports/task.repository.port';
import { loadOwnedTask } from '../../load-owned-task';
import { toTaskView, type TaskView } from '../../task.view';
import { CompleteTaskCommand } from './complete-task.command';

@CommandHandler(CompleteTaskCommand)
export class CompleteTaskHandler implements ICommandHandler<CompleteTaskCommand> {
  constructor(
    private readonly tasks: TaskRepository,
    private readonly clock: Clock,
    private readonly events: DomainEventPublisher,
  ) {}

  async execute(command: CompleteTaskCommand): Promise<TaskView> {
    const task = await loadOwnedTask(this.tasks, command.ownerId, command.taskId, command.ifMatch);
    task.complete(this.clock.now());
    await this.tasks.update(task);
    await this.events.publish(task.pullEvents());
    return toTaskView(task);
  }
}
