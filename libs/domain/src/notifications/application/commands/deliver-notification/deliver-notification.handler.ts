import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { UserRepository } from '../../../../identity';
import { escapeHtml } from '../../../../shared/application/escape-html';
import { Clock } from '../../../../shared/ports/clock.port';
import { IdGenerator } from '../../../../shared/ports/id-generator.port';
import { OPEN_TASK_STATUSES, type Task, TaskRepository } from '../../../../tasks';
import { Notification, type NotificationType } from '../../../model/notification.entity';
import { UserPreferences } from '../../../model/user-preferences';
import { UserPreferencesRepository } from '../../../ports/user-preferences.repository.port';
import { Mailer } from '../../../ports/mailer.port';
import { NotificationRepository } from '../../../ports/notification.repository.port';
import { DeliverNotificationCommand, type DeliveryOutcome } from './deliver-notification.command';

/** The latest due date a task may have for the notice to apply at `now` (null: the user wants no "due soon"). */
function dueBy(type: NotificationType, now: Date, prefs: UserPreferences): Date | null {
  return type === 'task-overdue' ? now : prefs.dueSoonBy(now);
}

/** The scan is a snapshot; by delivery time the task may have been completed or rescheduled. */
function stillApplies(task: Task, by: Date | null): by is Date {
  if (!OPEN_TASK_STATUSES.includes(task.status) || !task.dueDate || !by) return false;
  return task.dueDate.getTime() <= by.getTime();
}

@CommandHandler(DeliverNotificationCommand)
export class DeliverNotificationHandler implements ICommandHandler<DeliverNotificationCommand> {
  constructor(
    private readonly tasks: TaskRepository,
    private readonly users: UserRepository,
    private readonly notifications: NotificationRepository,
    private readonly mailer: Mailer,
    private readonly ids: IdGenerator,
    private readonly clock: Clock,
    private readonly preferences: UserPreferencesRepository,
  ) {}

  async execute({ job }: DeliverNotificationCommand): Promise<DeliveryOutcome> {
    const now = this.clock.now();
    const task = await this.tasks.findById(job.ownerId, job.taskId);
    if (!task || !task.dueDate) return 'skipped';
    const prefs = (await this.preferences.find(job.ownerId)) ?? UserPreferences.defaults(job.ownerId);
    const by = dueBy(job.type, now, prefs);
    if (!stillApplies(task, by)) return 'skipped';
    const user = await this.users.findById(job.ownerId);
    if (!user) return 'skipped';

    // Insert first: the in-app notification exists even while the mail server is down. The
    // store checks the task again in the same step as the insert: a completion that landed
    // since the read above leaves no notice.
    const stored = await this.notifications.insertIfTaskQualifies(
      Notification.create({
        id: this.ids.next(),
        ownerId: job.ownerId,
        taskId: task.id,
        type: job.type,
        taskTitle: task.title,
        dueDate: task.dueDate,
        now,
      }),
      by,
    );
    if (!stored) return 'skipped';
    if (stored.emailedAt) return 'already-delivered';

    // In-app off: the notice is still stored (it is what makes the scan and the mail happen
    // once), but as already read, so it never raises the unread count or rings the bell.
    if (!prefs.inApp) stored.markRead(now);
    // Mail only when the user wants it and has confirmed the address; otherwise the notice's
    // mail is settled unsent (emailedAt set), so the scan does not hand it back again.
    if (prefs.email && user.emailConfirmed) {
      // A failure here rejects, so the queue retries; the notification is not inserted twice.
      const { subject, text } = stored.message();
      // Every mail has a plain-text and an HTML part.
      const html = `<p>Hello ${escapeHtml(user.name)},</p><p>${escapeHtml(text)}</p>`;
      await this.mailer.send({ userId: user.id, to: user.email, subject, text, html, idempotencyKey: stored.key });
    }
    stored.markEmailed(this.clock.now());
    await this.notifications.update(stored);
    return 'delivered';
  }
}
