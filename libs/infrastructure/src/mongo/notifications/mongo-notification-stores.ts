import type { Provider } from '@nestjs/common';
import { getConnectionToken, getModelToken } from '@nestjs/mongoose';
import { DueTaskScanner, NotificationRepository, UserPreferencesRepository } from '@primetrade/domain';
import type { Connection, Schema } from 'mongoose';
import { MongoDueTaskScanner } from './mongo-due-task-scanner';
import { MongoNotificationRepository } from './mongo-notification.repository';
import { MongoOutboxMailer } from './mongo-outbox-mailer';
import { DueTaskScanRecord, DueTaskScanSchema } from './due-task-scan.schema';
import { NotificationRecord, NotificationSchema } from './notification.schema';
import { OutboxRecord, OutboxSchema } from './outbox.schema';
import { MongoUserPreferencesRepository } from './mongo-user-preferences.repository';
import { DailyDigestRecord, DailyDigestSchema, UserPreferencesRecord, UserPreferencesSchema } from './user-preferences.schema';

/** The notification context's models: its collections (notices, outbox, preferences, digests) and the scan's view of `tasks`. */
export const MONGO_NOTIFICATION_MODELS: ReadonlyArray<{ name: string; schema: Schema }> = [
  { name: NotificationRecord.name, schema: NotificationSchema },
  { name: OutboxRecord.name, schema: OutboxSchema },
  { name: DueTaskScanRecord.name, schema: DueTaskScanSchema },
  { name: UserPreferencesRecord.name, schema: UserPreferencesSchema },
  { name: DailyDigestRecord.name, schema: DailyDigestSchema },
];

/**
 * Each model compiled on the app's Mongoose connection (MongooseModule.forRoot's global
 * connection token), so these providers work in any module once MongoPersistenceModule is
 * imported, without touching its model list. Compiling triggers Mongoose's init: with
 * `autoIndex` the collections and indexes are created as for the other models.
 */
const modelProviders: Provider[] = MONGO_NOTIFICATION_MODELS.map(({ name, schema }) => ({
  provide: getModelToken(name),
  useFactory: (connection: Connection) => connection.model(name, schema),
  inject: [getConnectionToken()],
}));

/**
 * The notification stores on MongoDB, the counterpart of the SQLite ones: NotificationRepository,
 * DueTaskScanner and the outbox mailer class, plus the models they need. Needs
 * MongoPersistenceModule (the connection) and a global Clock.
 */
export const mongoNotificationStores: Provider[] = [
  ...modelProviders,
  { provide: NotificationRepository, useClass: MongoNotificationRepository },
  { provide: DueTaskScanner, useClass: MongoDueTaskScanner },
  { provide: UserPreferencesRepository, useClass: MongoUserPreferencesRepository },
  MongoOutboxMailer,
];
