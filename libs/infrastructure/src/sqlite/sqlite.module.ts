import { type DynamicModule, Injectable, Module, type OnApplicationShutdown } from '@nestjs/common';
import {
  AttachmentRepository,
  CalendarFeedRepository,
  ContentCipher,
  DueTaskScanner,
  FileStorage,
  IdempotencyStore,
  NotificationRepository,
  UserPreferencesRepository,
  AccountEraser,
  AccountTokenRepository,
  PersistenceHealth,
  SessionRepository,
  TaskActivityReadModel,
  TaskArchive,
  TaskReadModel,
  TaskRepository,
  TaskUnitOfWork,
  UserRepository,
  WebhookDeliveryStore,
  WebhookRepository,
} from '@primetrade/domain';
import { EncryptedFileStorage } from '../core/attachments/encrypted-file-storage';
import { FilesystemFileStorage } from '../core/attachments/filesystem-file-storage';
import { EventOutbox } from '../core/events/event-outbox';
import { OutboxMailer, StoreTaskStatistics } from '../core/platform/store-ports';
import { TaskContentSealer } from '../core/tasks/task-content-sealer';
import { SqliteCalendarFeedRepository } from './calendar/sqlite-calendar-feed.repository';
import { SqliteAttachmentRepository } from './attachments/sqlite-attachment.repository';
import { SqliteOrphanFileSweeper } from './attachments/sqlite-orphan-file-sweeper';
import { SqliteDatabase } from './database/sqlite-database';
import { SqliteEventOutbox } from './events/sqlite-event-outbox';
import { SqliteAccountEraser } from './identity/sqlite-account-eraser';
import { SqliteAccountTokenRepository } from './identity/sqlite-account-token.repository';
import { SqliteSessionRepository } from './identity/sqlite-session.repository';
import { SqliteUserRepository } from './identity/sqlite-user.repository';
import { SqliteIdempotencyStore } from './idempotency/sqlite-idempotency.store';
import { SqliteDueTaskScanner } from './notifications/sqlite-due-task-scanner';
import { SqliteNotificationRepository } from './notifications/sqlite-notification.repository';
import { SqliteOutboxMailer } from './notifications/sqlite-outbox-mailer';
import { SqliteUserPreferencesRepository } from './notifications/sqlite-user-preferences.repository';
import { SqliteTaskReadModel } from './tasks/sqlite-task-read-model';
import { SqliteTaskRepository } from './tasks/sqlite-task.repository';
import { SqliteTaskUnitOfWork } from './tasks/sqlite-task-unit-of-work';
import { SqliteTaskArchive } from './tasks/sqlite-task-archive';
import { SqliteTaskStatistics } from './tasks/sqlite-task-statistics';
import { SqliteTaskActivityReadModel } from './tasks/sqlite-task-activity';
import { SqliteWebhookDeliveryStore } from './webhooks/sqlite-webhook-delivery.store';
import { SqliteWebhookRepository } from './webhooks/sqlite-webhook.repository';

@Injectable()
class SqliteHealth extends PersistenceHealth implements OnApplicationShutdown {
  readonly storeName = 'sqlite';

  constructor(private readonly sqlite: SqliteDatabase) {
    super();
  }

  async ping(): Promise<void> {
    this.sqlite.statement('SELECT 1').get();
  }

  /** After the HTTP server has drained, never before: in-flight requests still use the handle. */
  onApplicationShutdown(): void {
    this.sqlite.close();
  }
}

export interface SqliteModuleOptions {
  /** The database file. */
  file: string;
  /** Where attachment content is kept (encrypted), beside the database. */
  attachmentsDirectory: string;
  encryptTaskContent?: boolean;
  /** List pages kept while their owner's tasks are unchanged (SqliteTaskPageCache); 0 = none. Default 1000. */
  pageCache?: number;
}

/**
 * The embedded store: every port of every context that keeps data, on one SQLite file (and a
 * folder for attachment content). Exports the ports only.
 */
@Module({})
export class SqliteModule {
  static forRoot(options: SqliteModuleOptions): DynamicModule {
    const adapters = [
      { provide: UserRepository, useClass: SqliteUserRepository },
      { provide: SessionRepository, useClass: SqliteSessionRepository },
      { provide: AccountTokenRepository, useClass: SqliteAccountTokenRepository },
      { provide: AccountEraser, useClass: SqliteAccountEraser },
      { provide: TaskRepository, useExisting: SqliteTaskRepository },
      { provide: TaskUnitOfWork, useClass: SqliteTaskUnitOfWork },
      { provide: TaskArchive, useClass: SqliteTaskArchive },
      {
        provide: TaskReadModel,
        useFactory: (sqlite: SqliteDatabase, content: TaskContentSealer) => new SqliteTaskReadModel(sqlite, content, options.pageCache),
        inject: [SqliteDatabase, TaskContentSealer],
      },
      { provide: StoreTaskStatistics, useClass: SqliteTaskStatistics },
      { provide: TaskActivityReadModel, useClass: SqliteTaskActivityReadModel },
      { provide: NotificationRepository, useClass: SqliteNotificationRepository },
      { provide: DueTaskScanner, useClass: SqliteDueTaskScanner },
      { provide: UserPreferencesRepository, useClass: SqliteUserPreferencesRepository },
      { provide: OutboxMailer, useClass: SqliteOutboxMailer },
      { provide: AttachmentRepository, useClass: SqliteAttachmentRepository },
      {
        provide: FileStorage,
        useFactory: (cipher: ContentCipher) => new EncryptedFileStorage(new FilesystemFileStorage(options.attachmentsDirectory), cipher),
        inject: [ContentCipher],
      },
      { provide: IdempotencyStore, useClass: SqliteIdempotencyStore },
      { provide: CalendarFeedRepository, useClass: SqliteCalendarFeedRepository },
      { provide: WebhookRepository, useClass: SqliteWebhookRepository },
      // The embedded store's own delivery queue, polled by WebhookDeliveryPoller.
      { provide: WebhookDeliveryStore, useClass: SqliteWebhookDeliveryStore },
      { provide: PersistenceHealth, useClass: SqliteHealth },
      // The transactional outbox the task and user repositories write their events to.
      { provide: EventOutbox, useExisting: SqliteEventOutbox },
    ];
    return {
      module: SqliteModule,
      providers: [
        { provide: SqliteDatabase, useFactory: () => new SqliteDatabase({ file: options.file }) },
        // The cipher is there with the flag off too: rows sealed while it was on stay readable.
        {
          provide: TaskContentSealer,
          useFactory: (cipher: ContentCipher) => new TaskContentSealer(cipher, options.encryptTaskContent ?? false),
          inject: [ContentCipher],
        },
        SqliteEventOutbox,
        // One instance behind TaskRepository and the unit of work's writes.
        SqliteTaskRepository,
        {
          provide: SqliteOrphanFileSweeper,
          useFactory: (sqlite: SqliteDatabase) => new SqliteOrphanFileSweeper(sqlite, options.attachmentsDirectory),
          inject: [SqliteDatabase],
        },
        ...adapters,
      ],
      exports: adapters.map((a) => a.provide),
    };
  }
}
