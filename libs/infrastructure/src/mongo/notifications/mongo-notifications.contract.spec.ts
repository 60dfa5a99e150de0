import { randomBytes, randomUUID } from 'node:crypto';
import { AesGcmContentCipher } from '../../core/security/aes-gcm-content-cipher';
import type { Clock } from '@primetrade/domain';
import { type Connection, createConnection } from 'mongoose';
import { MongoTaskRepository } from '../tasks/mongo-task.repository';
import { mongooseConnectOptions, resolveMongoPersistenceOptions } from '../connection/mongo-persistence.options';
import { TaskRecord, TaskSchema } from '../tasks/task.schema';
import { MongoDueTaskScanner } from './mongo-due-task-scanner';
import { MongoNotificationRepository } from './mongo-notification.repository';
import { MongoOutboxMailer } from './mongo-outbox-mailer';
import { describeNotificationStoresContract, type NotificationStores } from '@primetrade/testing';
import { dueTaskScanPipeline } from './due-task-scan.pipeline';
import { DUE_SCAN_INDEX, DueTaskScanRecord, DueTaskScanSchema } from './due-task-scan.schema';
import { NOTIFICATION_KEY_INDEX, NotificationRecord, NotificationSchema } from './notification.schema';
import { OutboxRecord, OutboxSchema } from './outbox.schema';
import { MongoUserPreferencesRepository } from './mongo-user-preferences.repository';
import { DailyDigestRecord, DailyDigestSchema, UserPreferencesRecord, UserPreferencesSchema } from './user-preferences.schema';
import { PLAINTEXT_TASK_CONTENT } from '../../core/tasks/task-content-sealer';

/**
 * The notification stores contract against a real mongod. Each test gets its own database,
 * named `primetrade_contract_test_…` and dropped afterwards, so the suite never touches a
 * database without "test" in its name.
 */
const uri = process.env['MONGODB_URI'];

if (!uri) {
  // Said out loud, and every test is registered as skipped: a missing server is never a pass.
  // Written to stdout directly: Jest drops console output of a file whose tests all skipped.
  process.stdout.write('skipped: no MongoDB server (set MONGODB_URI)\n');
}

const NOW = new Date('2026-06-15T12:00:00.000Z');
const clock: Clock = { now: () => NOW };
const cipher = new AesGcmContentCipher({ keys: new Map([['k1', randomBytes(32)]]), activeKeyId: 'k1', blindIndexKey: randomBytes(32) });

let base: Connection | undefined;
const run = randomUUID().slice(0, 8);
let counter = 0;

async function openDatabase(mongoUri: string) {
  const options = resolveMongoPersistenceOptions({ uri: mongoUri, readPreference: 'primary' });
  if (!base) base = await createConnection(mongoUri, mongooseConnectOptions(options)).asPromise();
  const dbName = `primetrade_contract_test_${run}_${++counter}`;
  if (!dbName.includes('test')) throw new Error(`refusing to use database ${dbName}: its name lacks "test"`);
  const db = base.useDb(dbName, { useCache: false });
  const tasks = db.model<TaskRecord>(TaskRecord.name, TaskSchema);
  const notifications = db.model<NotificationRecord>(NotificationRecord.name, NotificationSchema);
  const outbox = db.model<OutboxRecord>(OutboxRecord.name, OutboxSchema);
  const scanView = db.model<DueTaskScanRecord>(DueTaskScanRecord.name, DueTaskScanSchema);
  const preferences = db.model<UserPreferencesRecord>(UserPreferencesRecord.name, UserPreferencesSchema);
  const digests = db.model<DailyDigestRecord>(DailyDigestRecord.name, DailyDigestSchema);
  // Indexes first: the unique key index is what makes insertIfAbsent idempotent. The two models
  // on `tasks` one after the other, so they do not race to create the collection.
  await Promise.all([notifications.init(), outbox.init(), preferences.init(), digests.init()]);
  await tasks.init();
  await scanView.init();
  return { db, tasks, notifications, outbox, scanView, preferences, digests };
}

async function openMongoNotificationStores(mongoUri: string): Promise<NotificationStores> {
  const { db, tasks, notifications, outbox, scanView, preferences, digests } = await openDatabase(mongoUri);
  return {
    notifications: new MongoNotificationRepository(notifications, cipher),
    scanner: new MongoDueTaskScanner(scanView),
    outbox: new MongoOutboxMailer(outbox, clock, cipher),
    tasks: new MongoTaskRepository(tasks, PLAINTEXT_TASK_CONTENT),
    preferences: new MongoUserPreferencesRepository(preferences, digests),
    outboxCount: (key) => outbox.countDocuments({ _id: key }).exec(),
    dispose: async () => {
      await db.dropDatabase();
    },
  };
}

(uri ? describe : describe.skip)('MongoDB notification adapters', () => {
  // A fresh database per test builds its indexes first.
  jest.setTimeout(30_000);

  afterAll(async () => {
    await base?.close();
  });

  describeNotificationStoresContract('mongodb', () => openMongoNotificationStores(uri as string));

  describe('on the server', () => {
    it('creates the indexes the schemas declare, the scan’s on `tasks`', async () => {
      const { db, notifications, tasks } = await openDatabase(uri as string);
      try {
        const names = async (collection: { listIndexes(): { toArray(): Promise<{ name?: string }[]> } }) =>
          (await collection.listIndexes().toArray()).map((i) => i.name);
        expect(await names(notifications.collection)).toEqual(
          expect.arrayContaining([NOTIFICATION_KEY_INDEX, 'owner_createdAt_id', 'owner_readAt']),
        );
        expect(await names(tasks.collection)).toEqual(expect.arrayContaining([DUE_SCAN_INDEX, 'owner_dueDate']));
      } finally {
        await db.dropDatabase();
      }
    });

    it('runs the scan on the scan index, without a blocking sort', async () => {
      const { db, scanView } = await openDatabase(uri as string);
      try {
        const until = new Date(NOW.getTime() + 86_400_000);
        const explained = JSON.stringify(await scanView.collection.aggregate(dueTaskScanPipeline(NOW, until, 10)).explain('queryPlanner'));
        expect(explained).toContain(`"indexName":"${DUE_SCAN_INDEX}"`);
        expect(explained).not.toMatch(/"stage":"SORT"/);
      } finally {
        await db.dropDatabase();
      }
    });
  });
});
