import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { Clock } from '../../../../shared/ports/clock.port';
import { DUE_NOTICE_WINDOW_MS } from '../../../model/notification.entity';
import { UserPreferences } from '../../../model/user-preferences';
import { type DueTask, DueTaskScanner } from '../../../ports/due-task-scanner.port';
import { NotificationQueue } from '../../../ports/notification-queue.port';
import { NotificationRepository } from '../../../ports/notification.repository.port';
import { UserPreferencesRepository } from '../../../ports/user-preferences.repository.port';
import { DailyDigestSender } from '../../daily-digest-sender';
import { ScanDueTasksCommand, type ScanOutcome } from './scan-due-tasks.command';

@CommandHandler(ScanDueTasksCommand)
export class ScanDueTasksHandler implements ICommandHandler<ScanDueTasksCommand> {
  constructor(
    private readonly scanner: DueTaskScanner,
    private readonly queue: NotificationQueue,
    private readonly clock: Clock,
    private readonly notifications: NotificationRepository,
    private readonly preferences: UserPreferencesRepository,
    private readonly digests: DailyDigestSender,
  ) {}

  async execute(): Promise<ScanOutcome> {
    const now = this.clock.now();
    // The window is the longest lead a user can choose (1 day); each owner's own lead narrows it.
    const found = await this.scanner.findDue(now, new Date(now.getTime() + DUE_NOTICE_WINDOW_MS), ScanDueTasksCommand.BATCH);
    const due = await this.withinLeadTime(found, now);
    // Stored notices whose mail never went out (the process died between insert and send): the
    // delivery finds the stored notice and sends its mail (or skips a task no longer due).
    const unmailed = await this.notifications.awaitingMail(
      new Date(now.getTime() - ScanDueTasksCommand.MAIL_GRACE_MS),
      ScanDueTasksCommand.BATCH,
    );
    const jobs = [...due, ...unmailed].map(({ type, taskId, ownerId }) => ({ type, taskId, ownerId }));
    await this.queue.enqueue(jobs);
    const digests = await this.digests.sendDue(now);
    return { enqueued: jobs.length, digests };
  }

  /** Overdue notices always; a "due soon" notice only once the task is within its owner's lead (none: never). */
  private async withinLeadTime(found: DueTask[], now: Date): Promise<DueTask[]> {
    const owners = [...new Set(found.filter((d) => d.type === 'task-due').map((d) => d.ownerId))];
    const prefs = owners.length > 0 ? await this.preferences.findMany(owners) : new Map<string, UserPreferences>();
    return found.filter((d) => {
      if (d.type !== 'task-due') return true;
      const by = (prefs.get(d.ownerId) ?? UserPreferences.defaults(d.ownerId)).dueSoonBy(now);
      return by !== null && d.dueDate.getTime() <= by.getTime();
    });
  }
}
