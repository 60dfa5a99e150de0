// @primetrade/infrastructure/sqlite — the embedded store. Loaded only by the sqlite profile.
export * from './sqlite.module';
export * from './database/sqlite-database';
export { SqliteUserRepository } from './identity/sqlite-user.repository';
export { SqliteTaskRepository } from './tasks/sqlite-task.repository';
export { SqliteTaskReadModel } from './tasks/sqlite-task-read-model';
export { SqliteNotificationRepository } from './notifications/sqlite-notification.repository';
export { SqliteOutboxMailer, type StoredMail } from './notifications/sqlite-outbox-mailer';
export { SqliteAttachmentRepository } from './attachments/sqlite-attachment.repository';
export * from './key-rotation/sqlite-key-rotation';
export * from './backup/sqlite-backup';
