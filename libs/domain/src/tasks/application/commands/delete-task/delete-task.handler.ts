import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { Clock } from '../../../../shared/ports/clock.port';
import { DomainEventPublisher } from '../../../../shared/ports/event-publisher.port';
import { IdGenerator } from '../../../../shared/ports/id-generator.port';
import { OPEN_TASK_STATUSES } from '../../../model/task-status';
import { TaskVersionConflictError } from '../../../model/task.errors';
import { RecurrenceRules } from '../../../ports/recurrence-rules.port';
import { TaskRepository } from '../../../ports/task.repository.port';
import { TaskUnitOfWork } from '../../../ports/task-unit-of-work.port';
import { loadOwnedTask } from '../../load-owned-task';
import { nextOccurrenceOf } from '../../next-occurrence';
import { DeleteTaskCommand } from './delete-task.command';

@CommandHandler(DeleteTaskCommand)
export class DeleteTaskHandler implements ICommandHandler<DeleteTaskCommand> {
  constructor(
    private readonly tasks: TaskRepository,
    private readonly unitOfWork: TaskUnitOfWork,
    private readonly rules: RecurrenceRules,
    private readonly ids: IdGenerator,
    private readonly clock: Clock,
    private readonly events: DomainEventPublisher,
  ) {}

  async execute(command: DeleteTaskCommand): Promise<void> {
    const task = await loadOwnedTask(this.tasks, command.ownerId, command.taskId, command.ifMatch);
    const now = this.clock.now();
    // Delete only the version we looked at: a concurrent edit in between is a conflict, not lost.
    // The event is raised first, so a store with an outbox deletes and records it in one step.
    task.markDeleted(now);
    // Skipping an open occurrence keeps the series going; a finished one is history, deleted alone.
    const skips = !command.series && OPEN_TASK_STATUSES.includes(task.status);
    const next = skips ? nextOccurrenceOf(task, this.rules, this.ids, now) : null;
    if (next) {
      await this.unitOfWork.commit([
        { kind: 'remove', task, events: task.pullEvents() },
        { kind: 'insert', task: next, events: next.pullEvents() },
      ]);
      return;
    }
    if (!(await this.tasks.remove(task))) throw new TaskVersionConflictError();
    await this.events.publish(task.pullEvents());
  }
}
