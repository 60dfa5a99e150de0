import type { Notification } from '../model/notification.entity';

/** Keyset position in the newest-first list: creation time (epoch ms) and id as tie-breaker. */
export interface NotificationPosition {
  createdAt: number;
  id: string;
}

export abstract class NotificationRepository {
  /**
   * Inserts unless the task already has a notification of that type (a unique rule in the
   * store decides, not a prior read); returns the stored one either way.
   */
  abstract insertIfAbsent(notification: Notification): Promise<Notification>;
  /**
   * As insertIfAbsent, but only while the notification's task is still open (todo, in
   * progress) with a due date at or before `dueBy` — checked and inserted in one step the store
   * makes atomic, so a completion cannot land between the check and the insert. Returns the
   * stored notification, or null when the task no longer qualifies and none is stored.
   */
  abstract insertIfTaskQualifies(notification: Notification, dueBy: Date): Promise<Notification | null>;
  abstract findById(ownerId: string, id: string): Promise<Notification | null>;
  /** Saves readAt and emailedAt. */
  abstract update(notification: Notification): Promise<void>;
  /** Newest first (createdAt desc, id desc), strictly after `after`. */
  abstract list(ownerId: string, after: NotificationPosition | null, limit: number): Promise<Notification[]>;
  abstract countUnread(ownerId: string): Promise<number>;
  /**
   * Notifications, across owners, whose mail has not gone out (emailedAt unset), created before
   * `createdBefore`, oldest first: a process killed between the insert and the send leaves them,
   * and the scan hands them to the queue again.
   */
  abstract awaitingMail(createdBefore: Date, limit: number): Promise<Notification[]>;
}
