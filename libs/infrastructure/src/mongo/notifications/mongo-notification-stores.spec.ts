import { expectEachToFailFastWith } from '@primetrade/testing';
import { type DynamicModule, Module } from '@nestjs/common';
import { getConnectionToken } from '@nestjs/mongoose';
import { Test, type TestingModule } from '@nestjs/testing';
import { Clock, DatabaseUnavailableError, DueTaskScanner, Mailer, Notification, NotificationRepository } from '@primetrade/domain';
import { type Connection, createConnection } from 'mongoose';
import { EncryptionModule } from '../../core/security/encryption.module';
import { MongoPersistenceModule } from '../mongo-persistence.module';
import { mongooseConnectOptions, resolveMongoPersistenceOptions } from '../connection/mongo-persistence.options';
import { MongoDueTaskScanner } from './mongo-due-task-scanner';
import { mongoNotificationStores } from './mongo-notification-stores';
import { MongoNotificationRepository } from './mongo-notification.repository';
import { MongoOutboxMailer } from './mongo-outbox-mailer';

const NOW = new Date('2026-06-15T12:00:00.000Z');
const UNREACHABLE = 'mongodb://127.0.0.1:1/primetrade_test'; // nothing listens on port 1

/** What the composition root provides globally (CoreModule). */
@Module({})
class GlobalClockModule {
  static forRoot(): DynamicModule {
    const clock = { provide: Clock, useValue: { now: () => NOW } };
    return { module: GlobalClockModule, global: true, providers: [clock], exports: [Clock] };
  }
}

/** A separate module that exports the ports only, as MongoModule does. */
@Module({})
class NotificationStoresModule {
  static forRoot(): DynamicModule {
    return {
      module: NotificationStoresModule,
      providers: [...mongoNotificationStores, { provide: Mailer, useExisting: MongoOutboxMailer }],
      exports: [NotificationRepository, DueTaskScanner, Mailer],
    };
  }
}

/**
 * The providers wired as the notifications module will wire them, next to MongoPersistenceModule,
 * on a real Mongoose connection whose server is unreachable.
 */
describe('mongoNotificationStores with MongoDB unreachable', () => {
  let moduleRef: TestingModule;
  let connection: Connection;

  beforeAll(async () => {
    const { bufferCommands } = mongooseConnectOptions(resolveMongoPersistenceOptions({ uri: UNREACHABLE }));
    connection = createConnection(UNREACHABLE, { bufferCommands, serverSelectionTimeoutMS: 300 });
    connection.asPromise().catch(() => undefined); // the refused connect is the point
    moduleRef = await Test.createTestingModule({
      imports: [
        GlobalClockModule.forRoot(),
        EncryptionModule.forRoot({ keys: new Map([['k1', Buffer.alloc(32, 1)]]), activeKeyId: 'k1', blindIndexKey: Buffer.alloc(32, 2) }),
        MongoPersistenceModule.forRoot({ uri: UNREACHABLE }),
        NotificationStoresModule.forRoot(),
      ],
    })
      .overrideProvider(getConnectionToken())
      .useValue(connection)
      .compile();
  });

  afterAll(async () => {
    await connection.close();
  });

  it('binds the notification ports to their MongoDB adapters', () => {
    expect(moduleRef.get(NotificationRepository)).toBeInstanceOf(MongoNotificationRepository);
    expect(moduleRef.get(DueTaskScanner)).toBeInstanceOf(MongoDueTaskScanner);
    expect(moduleRef.get(Mailer)).toBeInstanceOf(MongoOutboxMailer);
  });

  it('compiles its models on the app’s connection, next to the persistence module’s', () => {
    expect(Object.keys(connection.models).sort()).toEqual([
      'ArchivedTaskRecord',
      'DailyDigestRecord',
      'DueTaskScanRecord',
      'NotificationRecord',
      'OutboxRecord',
      'SessionRecord',
      'TaskCounterRecord',
      'TaskDueCounterRecord',
      'TaskRecord',
      'UserPreferencesRecord',
      'UserRecord',
    ]);
    expect(connection.models['NotificationRecord'].collection.collectionName).toBe('notifications');
    expect(connection.models['OutboxRecord'].collection.collectionName).toBe('outbox');
    expect(connection.models['DueTaskScanRecord'].collection.collectionName).toBe('tasks');
  });

  it('fails every port call at once with DatabaseUnavailableError instead of waiting', async () => {
    const notification = Notification.create({
      id: 'n1',
      ownerId: 'u1',
      taskId: 't1',
      type: 'task-due',
      taskTitle: 'x',
      dueDate: NOW,
      now: NOW,
    });
    const calls: Array<() => Promise<unknown>> = [
      () => moduleRef.get(NotificationRepository).insertIfAbsent(notification),
      () => moduleRef.get(NotificationRepository).findById('u1', 'n1'),
      () => moduleRef.get(NotificationRepository).update(notification),
      () => moduleRef.get(NotificationRepository).list('u1', null, 20),
      () => moduleRef.get(NotificationRepository).list('u1', { createdAt: NOW.getTime(), id: 'n1' }, 20),
      () => moduleRef.get(NotificationRepository).countUnread('u1'),
      () => moduleRef.get(DueTaskScanner).findDue(NOW, new Date(NOW.getTime() + 1000), 100),
      () => moduleRef.get(Mailer).send({ userId: 'u1', to: 'ada@example.com', subject: 's', text: 't', idempotencyKey: 'task-due:t1' }),
    ];
    await expectEachToFailFastWith(calls, DatabaseUnavailableError);
  });

  it('answers a zero limit without a round trip (the driver reads limit 0 as "no limit")', async () => {
    await expect(moduleRef.get(NotificationRepository).list('u1', null, 0)).resolves.toEqual([]);
    await expect(moduleRef.get(DueTaskScanner).findDue(NOW, NOW, 0)).resolves.toEqual([]);
  });
});
