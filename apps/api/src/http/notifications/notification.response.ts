import type { NotificationView } from '@primetrade/domain';
import type { NotificationResponseDto } from './notification.dto';

/** Allow-list of what a client sees of a notification (no owner id, no mail state). */
export const toNotificationResponse = (n: NotificationView): NotificationResponseDto => ({
  id: n.id,
  type: n.type,
  taskId: n.taskId,
  taskTitle: n.taskTitle,
  dueDate: n.dueDate.toISOString(),
  createdAt: n.createdAt.toISOString(),
  readAt: n.readAt?.toISOString() ?? null,
});
