import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { Clock } from '../../../../shared/ports/clock.port';
import { DomainEventPublisher } from '../../../../shared/ports/event-publisher.port';
import { IdGenerator } from '../../../../shared/ports/id-generator.port';
import { TaskOccurrenceExistsError } from '../../../model/task.errors';
import { RecurrenceRules } from '../../../ports/recurrence-rules.port';
import { TaskRepository } from '../../../ports/task.repository.port';
import { TaskUnitOfWork } from '../../../ports/task-unit-of-work.port';
import { loadOwnedTask } from '../../load-owned-task';
import { nextOccurrenceOf } from '../../next-occurrence';
import { toTaskView } from '../../task.view';
import { CompleteTaskCommand, type CompletedTaskView } from './complete-task.command';

@CommandHandler(CompleteTaskCommand)
export class CompleteTaskHandler implements ICommandHandler<CompleteTaskCommand> {
  constructor(
    private readonly tasks: TaskRepository,
    private readonly unitOfWork: TaskUnitOfWork,
    private readonly rules: RecurrenceRules,
    private readonly ids: IdGenerator,
    private readonly clock: Clock,
    private readonly events: DomainEventPublisher,
  ) {}

  async execute(command: CompleteTaskCommand): Promise<CompletedTaskView> {
    const task = await loadOwnedTask(this.tasks, command.ownerId, command.taskId, command.ifMatch);
    const now = this.clock.now();
    task.complete(now);
    const next = nextOccurrenceOf(task, this.rules, this.ids, now);
    if (!next) {
      await this.tasks.update(task);
      await this.events.publish(task.pullEvents());
      return { ...toTaskView(task), nextOccurrence: null };
    }
    // One transaction: the completion only at the version read (a retried or concurrent completion
    // fails there) and the next occurrence under its unique key (series, due time), or neither.
    const completion = task.pullEvents();
    try {
      await this.unitOfWork.commit([
        { kind: 'update', task, events: completion },
        { kind: 'insert', task: next, events: next.pullEvents() },
      ]);
      return { ...toTaskView(task), nextOccurrence: toTaskView(next) };
    } catch (error) {
      if (!(error instanceof TaskOccurrenceExistsError)) throw error;
      // The occurrence was completed before and reopened (e.g. Undo): its next one exists already,
      // so this completion creates none, and stays once-only.
      await this.unitOfWork.commit([{ kind: 'update', task, events: completion }]);
      return { ...toTaskView(task), nextOccurrence: null };
    }
  }
}
