import {
  Notification,
  NotificationRepository,
  type NotificationPosition,
  type NotificationType,
  notificationKey,
  OPEN_TASK_STATUSES,
} from '@primetrade/domain';
import type { InMemoryStore } from './in-memory-store';

/** In-memory store with the same (task, type) uniqueness rule, for handler tests. */
export class InMemoryNotificationRepository extends NotificationRepository {
  private readonly byKey = new Map<string, Notification>();

  /** `store`: the tasks insertIfTaskQualifies checks (the in-memory persistence's store). */
  constructor(private readonly store?: InMemoryStore) {
    super();
  }

  /** Check and insert with no await between: nothing can land in between. */
  async insertIfTaskQualifies(n: Notification, dueBy: Date): Promise<Notification | null> {
    if (!this.store) throw new Error('InMemoryNotificationRepository needs the InMemoryStore of the tasks for insertIfTaskQualifies');
    const key = notificationKey(n.type, n.taskId);
    const existing = this.byKey.get(key);
    if (existing) return Notification.restore(existing.toProps());
    const task = this.store.tasks.get(n.taskId);
    const qualifies =
      !!task &&
      task.ownerId === n.ownerId &&
      OPEN_TASK_STATUSES.includes(task.status) &&
      !!task.dueDate &&
      task.dueDate.getTime() <= dueBy.getTime();
    if (!qualifies) return null;
    this.byKey.set(key, Notification.restore(n.toProps()));
    return Notification.restore(n.toProps());
  }

  /** Whether the task has a notification of that type (what the in-memory scan's anti-join asks). */
  has(type: NotificationType, taskId: string): boolean {
    return this.byKey.has(notificationKey(type, taskId));
  }

  async insertIfAbsent(n: Notification): Promise<Notification> {
    const key = notificationKey(n.type, n.taskId);
    if (!this.byKey.has(key)) this.byKey.set(key, Notification.restore(n.toProps()));
    return Notification.restore((this.byKey.get(key) as Notification).toProps());
  }

  async findById(ownerId: string, id: string): Promise<Notification | null> {
    const found = [...this.byKey.values()].find((n) => n.ownerId === ownerId && n.id === id);
    return found ? Notification.restore(found.toProps()) : null;
  }

  async update(n: Notification): Promise<void> {
    const key = notificationKey(n.type, n.taskId);
    const stored = this.byKey.get(key);
    if (stored?.id !== n.id) return;
    // Set once, never cleared (as the stores do): an older copy keeps what was set meanwhile.
    const props = n.toProps();
    this.byKey.set(
      key,
      Notification.restore({ ...props, readAt: stored.readAt ?? props.readAt, emailedAt: stored.emailedAt ?? props.emailedAt }),
    );
  }

  async list(ownerId: string, after: NotificationPosition | null, limit: number): Promise<Notification[]> {
    const newestFirst = (a: Notification, b: Notification) =>
      b.createdAt.getTime() - a.createdAt.getTime() || (a.id < b.id ? 1 : a.id > b.id ? -1 : 0);
    const isAfter = (n: Notification) =>
      !after || n.createdAt.getTime() < after.createdAt || (n.createdAt.getTime() === after.createdAt && n.id < after.id);
    return [...this.byKey.values()]
      .filter((n) => n.ownerId === ownerId && isAfter(n))
      .sort(newestFirst)
      .slice(0, limit)
      .map((n) => Notification.restore(n.toProps()));
  }

  async awaitingMail(createdBefore: Date, limit: number): Promise<Notification[]> {
    return [...this.byKey.values()]
      .filter((n) => !n.emailedAt && n.createdAt.getTime() < createdBefore.getTime())
      .sort((a, b) => a.createdAt.getTime() - b.createdAt.getTime() || (a.id < b.id ? -1 : 1))
      .slice(0, limit)
      .map((n) => Notification.restore(n.toProps()));
  }

  async countUnread(ownerId: string): Promise<number> {
    return [...this.byKey.values()].filter((n) => n.ownerId === ownerId && !n.readAt).length;
  }
}
