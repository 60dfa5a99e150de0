export const NOTIFICATION_TYPES = ['task-due', 'task-overdue', 'webhook-disabled'] as const;
export type NotificationType = (typeof NOTIFICATION_TYPES)[number];

/** The longest "due soon" lead a user can choose (1 day): the scan looks this far ahead. */
export const DUE_NOTICE_WINDOW_MS = 24 * 60 * 60 * 1000;

export interface NotificationProps {
  id: string;
  ownerId: string;
  taskId: string;
  type: NotificationType;
  taskTitle: string;
  dueDate: Date;
  createdAt: Date;
  readAt: Date | null;
  /** When the e-mail went out; null until the mailer accepted it (retries resend). */
  emailedAt: Date | null;
}

/** The one deduplication key: a task gets each type of notification at most once. */
export const notificationKey = (type: NotificationType, taskId: string): string => `${type}:${taskId}`;

/** An in-app notification that a task came due or went overdue (also e-mailed once). */
export class Notification {
  private constructor(private props: NotificationProps) {}

  static create(input: {
    id: string;
    ownerId: string;
    taskId: string;
    type: NotificationType;
    taskTitle: string;
    dueDate: Date;
    now: Date;
  }): Notification {
    return new Notification({
      id: input.id,
      ownerId: input.ownerId,
      taskId: input.taskId,
      type: input.type,
      taskTitle: input.taskTitle,
      dueDate: input.dueDate,
      createdAt: input.now,
      readAt: null,
      emailedAt: null,
    });
  }

  /**
   * In the app only (nothing is mailed): the server disabled a webhook that failed for 24 hours.
   * `taskId` holds the webhook's id, `taskTitle` its URL and `dueDate` when it was disabled.
   */
  static webhookDisabled(input: { id: string; ownerId: string; webhookId: string; url: string; now: Date }): Notification {
    return new Notification({
      id: input.id,
      ownerId: input.ownerId,
      taskId: input.webhookId,
      type: 'webhook-disabled',
      taskTitle: input.url,
      dueDate: input.now,
      createdAt: input.now,
      readAt: null,
      emailedAt: input.now,
    });
  }

  static restore(props: NotificationProps): Notification {
    return new Notification({ ...props });
  }

  get id(): string {
    return this.props.id;
  }
  get ownerId(): string {
    return this.props.ownerId;
  }
  get taskId(): string {
    return this.props.taskId;
  }
  get type(): NotificationType {
    return this.props.type;
  }
  get taskTitle(): string {
    return this.props.taskTitle;
  }
  get dueDate(): Date {
    return this.props.dueDate;
  }
  get createdAt(): Date {
    return this.props.createdAt;
  }
  get readAt(): Date | null {
    return this.props.readAt;
  }
  get emailedAt(): Date | null {
    return this.props.emailedAt;
  }
  get key(): string {
    return notificationKey(this.props.type, this.props.taskId);
  }

  /** Reading twice keeps the first time. */
  markRead(now: Date): void {
    this.props.readAt ??= now;
  }

  markEmailed(now: Date): void {
    this.props.emailedAt ??= now;
  }

  /** The e-mail text; plain text only, so no task title can inject markup. */
  message(): { subject: string; text: string } {
    const due = this.props.dueDate.toISOString();
    if (this.props.type === 'webhook-disabled') {
      const text = `Your webhook ${this.props.taskTitle} failed for 24 hours and was disabled at ${due}.`;
      return { subject: 'Webhook disabled', text };
    }
    return this.props.type === 'task-due'
      ? { subject: `Task due soon: ${this.props.taskTitle}`, text: `Your task "${this.props.taskTitle}" is due at ${due}.` }
      : {
          subject: `Task overdue: ${this.props.taskTitle}`,
          text: `Your task "${this.props.taskTitle}" was due at ${due} and is still open.`,
        };
  }

  toProps(): NotificationProps {
    return { ...this.props };
  }
}
