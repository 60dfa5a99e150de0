import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { Clock } from '../../../../shared/ports/clock.port';
import { DomainEventPublisher } from '../../../../shared/ports/event-publisher.port';
import { TaskNotFoundError } from '../../../model/task.errors';
import { TaskArchive } from '../../../ports/task-archive.port';
import { toTaskView, type TaskView } from '../../task.view';
import { RestoreTaskCommand } from './restore-task.command';

@CommandHandler(RestoreTaskCommand)
export class RestoreTaskHandler implements ICommandHandler<RestoreTaskCommand> {
  constructor(
    private readonly archive: TaskArchive,
    private readonly clock: Clock,
    private readonly events: DomainEventPublisher,
  ) {}

  async execute(command: RestoreTaskCommand): Promise<TaskView> {
    const task = await this.archive.findById(command.ownerId, command.taskId);
    if (!task) throw new TaskNotFoundError();
    task.unarchive(this.clock.now());
    // Moved only at the version read: a concurrent restore got there first, and this one finds nothing.
    if (!(await this.archive.restore(task))) throw new TaskNotFoundError();
    await this.events.publish(task.pullEvents());
    return toTaskView(task);
  }
}
