import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { Clock } from '../../../../shared/ports/clock.port';
import { DUE_NOTICE_WINDOW_MS } from '../../../model/notification.entity';
import { DueTaskScanner } from '../../../ports/due-task-scanner.port';
import { NotificationQueue } from '../../../ports/notification-queue.port';
import { NotificationRepository } from '../../../ports/notification.repository.port';
import { ScanDueTasksCommand, type ScanOutcome } from './scan-due-tasks.command';

@CommandHandler(ScanDueTasksCommand)
export class ScanDueTasksHandler implements ICommandHandler<ScanDueTasksCommand> {
  constructor(
    private readonly scanner: DueTaskScanner,
    private readonly queue: NotificationQueue,
    private readonly clock: Clock,
    private readonly notifications: NotificationRepository,
  ) {}

  async execute(): Promise<ScanOutcome> {
    const now = this.clock.now();
    const due = await this.scanner.findDue(now, new Date(now.getTime() + DUE_NOTICE_WINDOW_MS), ScanDueTasksCommand.BATCH);
    // Stored notices whose mail never went out (the process died between insert and send): the
    // delivery finds the stored notice and sends its mail (or skips a task no longer due).
    const unmailed = await this.notifications.awaitingMail(
      new Date(now.getTime() - ScanDueTasksCommand.MAIL_GRACE_MS),
      ScanDueTasksCommand.BATCH,
    );
    const jobs = [...due, ...unmailed].map(({ type, taskId, ownerId }) => ({ type, taskId, ownerId }));
    await this.queue.enqueue(jobs);
    return { enqueued: jobs.length };
  }
}
