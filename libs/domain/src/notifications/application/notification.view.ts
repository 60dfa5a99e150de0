import type { Notification, NotificationType } from '../model/notification.entity';

export interface NotificationView {
  id: string;
  taskId: string;
  type: NotificationType;
  taskTitle: string;
  dueDate: Date;
  createdAt: Date;
  readAt: Date | null;
}

export interface NotificationPage {
  items: NotificationView[];
  nextCursor: string | null;
  unreadCount: number;
}

export const toNotificationView = (n: Notification): NotificationView => ({
  id: n.id,
  taskId: n.taskId,
  type: n.type,
  taskTitle: n.taskTitle,
  dueDate: n.dueDate,
  createdAt: n.createdAt,
  readAt: n.readAt,
});
