import { type DynamicModule, Module } from '@nestjs/common';
import { getConnectionToken, MongooseModule } from '@nestjs/mongoose';
import {
  AttachmentRepository,
  CalendarFeedRepository,
  ContentCipher,
  DueTaskScanner,
  UserPreferencesRepository,
  FileStorage,
  IdempotencyStore,
  NotificationRepository,
  AccountEraser,
  AccountTokenRepository,
  WebhookDeliveryStore,
  WebhookRepository,
} from '@primetrade/domain';
import type { Connection } from 'mongoose';
import { EncryptedFileStorage } from '../core/attachments/encrypted-file-storage';
import { OutboxMailer } from '../core/platform/store-ports';
import { AttachmentRecord, AttachmentSchema } from './attachments/attachment.schema';
import { GridFsFileStorage } from './attachments/gridfs-file-storage';
import { GridFsOrphanSweeper, gridFsVersionStore } from './attachments/gridfs-maintenance';
import { MongoAttachmentRepository } from './attachments/mongo-attachment.repository';
import { CalendarFeedRecord, CalendarFeedSchema } from './calendar/calendar-feed.schema';
import { MongoCalendarFeedRepository } from './calendar/mongo-calendar-feed.repository';
import { MongoAccountEraser } from './identity/mongo-account-eraser';
import { MongoAccountTokenRepository } from './identity/mongo-account-token.repository';
import { AccountTokenRecord, AccountTokenSchema } from './identity/account-token.schema';
import { IdempotencyRecord, IdempotencySchema } from './idempotency/idempotency.schema';
import { MongoIdempotencyStore } from './idempotency/mongo-idempotency.store';
import type { MongoPersistenceOptions } from './connection/mongo-persistence.options';
import { MongoPersistenceModule } from './mongo-persistence.module';
import { mongoNotificationStores } from './notifications/mongo-notification-stores';
import { MongoOutboxMailer } from './notifications/mongo-outbox-mailer';
import { MongoWebhookDeliveryStore } from './webhooks/mongo-webhook-delivery.store';
import { MongoWebhookRepository } from './webhooks/mongo-webhook.repository';
import { WebhookDeliveryRecord, WebhookDeliverySchema, WebhookRecord, WebhookSchema } from './webhooks/webhook.schema';

/**
 * The scaled store: every port of every context that keeps data, on one MongoDB connection
 * (attachment content in GridFS, encrypted). The counterpart of SqliteModule; exports the ports only.
 */
@Module({})
export class MongoModule {
  static forRoot(options: MongoPersistenceOptions, content: { encryptTaskContent?: boolean } = {}): DynamicModule {
    const persistence = MongoPersistenceModule.forRoot(options, content);
    return {
      module: MongoModule,
      imports: [
        persistence,
        MongooseModule.forFeature([
          { name: AttachmentRecord.name, schema: AttachmentSchema },
          { name: IdempotencyRecord.name, schema: IdempotencySchema },
          { name: CalendarFeedRecord.name, schema: CalendarFeedSchema },
          { name: AccountTokenRecord.name, schema: AccountTokenSchema },
          { name: WebhookRecord.name, schema: WebhookSchema },
          { name: WebhookDeliveryRecord.name, schema: WebhookDeliverySchema },
        ]),
      ],
      providers: [
        ...mongoNotificationStores,
        { provide: OutboxMailer, useExisting: MongoOutboxMailer },
        { provide: AttachmentRepository, useClass: MongoAttachmentRepository },
        { provide: IdempotencyStore, useClass: MongoIdempotencyStore },
        { provide: CalendarFeedRepository, useClass: MongoCalendarFeedRepository },
        { provide: AccountTokenRepository, useClass: MongoAccountTokenRepository },
        { provide: WebhookRepository, useClass: MongoWebhookRepository },
        { provide: WebhookDeliveryStore, useClass: MongoWebhookDeliveryStore },
        { provide: AccountEraser, useClass: MongoAccountEraser },
        {
          provide: FileStorage,
          useFactory: (connection: Connection, cipher: ContentCipher) =>
            new EncryptedFileStorage(new GridFsFileStorage(connection), cipher),
          inject: [getConnectionToken(), ContentCipher],
        },
        // Files no attachment row names (a crash between file and row) and superseded versions.
        {
          provide: GridFsOrphanSweeper,
          useFactory: (connection: Connection) => new GridFsOrphanSweeper(gridFsVersionStore(connection)),
          inject: [getConnectionToken()],
        },
      ],
      exports: [
        persistence,
        NotificationRepository,
        DueTaskScanner,
        UserPreferencesRepository,
        OutboxMailer,
        AttachmentRepository,
        FileStorage,
        IdempotencyStore,
        CalendarFeedRepository,
        AccountTokenRepository,
        WebhookRepository,
        WebhookDeliveryStore,
        AccountEraser,
      ],
    };
  }
}
