import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { Clock } from '../../../../shared/ports/clock.port';
import { DomainEventPublisher } from '../../../../shared/ports/event-publisher.port';
import { IdGenerator } from '../../../../shared/ports/id-generator.port';
import { Task } from '../../../model/task.entity';
import { RecurrenceRules } from '../../../ports/recurrence-rules.port';
import { TaskRepository } from '../../../ports/task.repository.port';
import { toTaskView, type TaskView } from '../../task.view';
import { CreateTaskCommand } from './create-task.command';

@CommandHandler(CreateTaskCommand)
export class CreateTaskHandler implements ICommandHandler<CreateTaskCommand> {
  constructor(
    private readonly tasks: TaskRepository,
    private readonly ids: IdGenerator,
    private readonly rules: RecurrenceRules,
    private readonly clock: Clock,
    private readonly events: DomainEventPublisher,
  ) {}

  async execute({ ownerId, task: input }: CreateTaskCommand): Promise<TaskView> {
    const recurrence = input.recurrence ? this.rules.check(input.recurrence) : null;
    const task = Task.create({ ...input, recurrence, id: this.ids.next(), ownerId, now: this.clock.now() });
    await this.tasks.insert(task);
    await this.events.publish(task.pullEvents());
    return toTaskView(task);
  }
}
