import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { Clock } from '../../../../shared/ports/clock.port';
import { DomainEventPublisher } from '../../../../shared/ports/event-publisher.port';
import { RecurrenceRules } from '../../../ports/recurrence-rules.port';
import { TaskRepository } from '../../../ports/task.repository.port';
import { loadOwnedTask } from '../../load-owned-task';
import { toTaskView, type TaskView } from '../../task.view';
import { UpdateTaskCommand } from './update-task.command';

@CommandHandler(UpdateTaskCommand)
export class UpdateTaskHandler implements ICommandHandler<UpdateTaskCommand> {
  constructor(
    private readonly tasks: TaskRepository,
    private readonly rules: RecurrenceRules,
    private readonly clock: Clock,
    private readonly events: DomainEventPublisher,
  ) {}

  async execute(command: UpdateTaskCommand): Promise<TaskView> {
    const task = await loadOwnedTask(this.tasks, command.ownerId, command.taskId, command.ifMatch);
    const { recurrence, ...changes } = command.changes;
    task.update({ ...changes, recurrence: recurrence ? this.rules.check(recurrence) : recurrence }, this.clock.now());
    if (task.hasPendingEvents()) {
      await this.tasks.update(task); // a store with an outbox takes the events with the change
      await this.events.publish(task.pullEvents());
    }
    return toTaskView(task);
  }
}
