import type { NotificationType } from '../model/notification.entity';

export interface NotificationJob {
  type: NotificationType;
  taskId: string;
  ownerId: string;
}

/**
 * Hands notification jobs to background workers. Enqueuing the same (type, taskId) again
 * while it is queued, running or recently done is a no-op (deterministic job ids).
 */
export abstract class NotificationQueue {
  abstract enqueue(jobs: readonly NotificationJob[]): Promise<void>;
}
