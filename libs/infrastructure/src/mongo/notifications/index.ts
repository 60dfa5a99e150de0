export { MongoDueTaskScanner } from './mongo-due-task-scanner';
export { MongoNotificationRepository } from './mongo-notification.repository';
export { MONGO_NOTIFICATION_MODELS, mongoNotificationStores } from './mongo-notification-stores';
export { MongoOutboxMailer } from './mongo-outbox-mailer';
export { DUE_SCAN_INDEX, DueTaskScanRecord, DueTaskScanSchema } from './due-task-scan.schema';
export { NOTIFICATION_KEY_INDEX, NOTIFICATIONS_COLLECTION, NotificationRecord, NotificationSchema } from './notification.schema';
export { OUTBOX_COLLECTION, OutboxRecord, OutboxSchema } from './outbox.schema';
export { MongoUserPreferencesRepository } from './mongo-user-preferences.repository';
export * from './user-preferences.schema';
