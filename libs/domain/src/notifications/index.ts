export * from './model/notification.entity';
export * from './model/notification.errors';
export * from './ports/notification.repository.port';
export * from './ports/mailer.port';
export * from './ports/due-task-scanner.port';
export * from './ports/notification-queue.port';
export * from './application';
