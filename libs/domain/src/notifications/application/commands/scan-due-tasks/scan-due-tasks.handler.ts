import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { Clock } from '../../../../shared/ports/clock.port';
import { DUE_NOTICE_WINDOW_MS } from '../../../model/notification.entity';
import { DueTaskScanner } from '../../../ports/due-task-scanner.port';
import { NotificationQueue } from '../../../ports/notification-queue.port';
import { ScanDueTasksCommand, type ScanOutcome } from './scan-due-tasks.command';

@CommandHandler(ScanDueTasksCommand)
export class ScanDueTasksHandler implements ICommandHandler<ScanDueTasksCommand> {
  constructor(
    private readonly scanner: DueTaskScanner,
    private readonly queue: NotificationQueue,
    private readonly clock: Clock,
  ) {}

  async execute(): Promise<ScanOutcome> {
    const now = this.clock.now();
    const due = await this.scanner.findDue(now, new Date(now.getTime() + DUE_NOTICE_WINDOW_MS), ScanDueTasksCommand.BATCH);
    await this.queue.enqueue(due.map(({ type, taskId, ownerId }) => ({ type, taskId, ownerId })));
    return { enqueued: due.length };
  }
}
