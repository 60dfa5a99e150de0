import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { UserRepository } from '../../../../identity';
import { Clock } from '../../../../shared/ports/clock.port';
import { IdGenerator } from '../../../../shared/ports/id-generator.port';
import { OPEN_TASK_STATUSES, type Task, TaskRepository } from '../../../../tasks';
import { DUE_NOTICE_WINDOW_MS, Notification, type NotificationType } from '../../../model/notification.entity';
import { Mailer } from '../../../ports/mailer.port';
import { NotificationRepository } from '../../../ports/notification.repository.port';
import { DeliverNotificationCommand, type DeliveryOutcome } from './deliver-notification.command';

/** The latest due date a task may have for the notice to apply at `now`. */
function dueBy(type: NotificationType, now: Date): Date {
  return type === 'task-overdue' ? now : new Date(now.getTime() + DUE_NOTICE_WINDOW_MS);
}

/** The scan is a snapshot; by delivery time the task may have been completed or rescheduled. */
function stillApplies(task: Task, type: NotificationType, now: Date): boolean {
  if (!OPEN_TASK_STATUSES.includes(task.status) || !task.dueDate) return false;
  return task.dueDate.getTime() <= dueBy(type, now).getTime();
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
  ) {}

  async execute({ job }: DeliverNotificationCommand): Promise<DeliveryOutcome> {
    const now = this.clock.now();
    const task = await this.tasks.findById(job.ownerId, job.taskId);
    if (!task || !task.dueDate || !stillApplies(task, job.type, now)) return 'skipped';
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
      dueBy(job.type, now),
    );
    if (!stored) return 'skipped';
    if (stored.emailedAt) return 'already-delivered';

    // A failure here rejects, so the queue retries; the notification is not inserted twice.
    await this.mailer.send({ userId: user.id, to: user.email, ...stored.message(), idempotencyKey: stored.key });
    stored.markEmailed(this.clock.now());
    await this.notifications.update(stored);
    return 'delivered';
  }
}
