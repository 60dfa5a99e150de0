import { randomBytes, randomUUID } from 'node:crypto';
import { type Connection, createConnection } from 'mongoose';
import { describePersistenceContract } from '@primetrade/testing';
import { AesGcmContentCipher } from '../core/security/aes-gcm-content-cipher';
import { BlindIndex } from '../core/security/blind-index';
import type { PersistenceStores } from '@primetrade/testing';
import { mongooseConnectOptions, resolveMongoPersistenceOptions } from './connection/mongo-persistence.options';
import { MongoSessionRepository } from './identity/mongo-session.repository';
import { MongoTaskReadModel } from './tasks/mongo-task-read-model';
import { MongoTaskRepository } from './tasks/mongo-task.repository';
import { MongoTaskStatistics } from './tasks/mongo-task-statistics';
import { MongoTaskCounters } from './tasks/mongo-task-counters';
import { TaskDueCounterRecord, TaskDueCounterSchema } from './tasks/task-counters.schema';
import { MongoUserRepository } from './identity/mongo-user.repository';
import { SessionRecord, SessionSchema } from './identity/session.schema';
import { TaskRecord, TaskSchema } from './tasks/task.schema';
import { UserRecord, UserSchema } from './identity/user.schema';
import { PLAINTEXT_TASK_CONTENT, TaskContentSealer } from '../core/tasks/task-content-sealer';

/**
 * The shared persistence contract against a real mongod (a replica set, for read preferences).
 * Each test gets its own database, named `primetrade_contract_test_…` and dropped afterwards, so
 * the suite never touches a database without "test" in its name.
 */
const uri = process.env['MONGODB_URI'];

if (!uri) {
  // Said out loud, and every test is registered as skipped: a missing server is never a pass.
  // Written to stdout directly: Jest drops console output of a file whose tests all skipped.
  process.stdout.write('skipped: no MongoDB server (set MONGODB_URI)\n');
}

let base: Connection | undefined;
const run = randomUUID().slice(0, 8);
let counter = 0;

async function openMongoStores(mongoUri: string, content: TaskContentSealer = PLAINTEXT_TASK_CONTENT): Promise<PersistenceStores> {
  const options = resolveMongoPersistenceOptions({ uri: mongoUri, readPreference: 'primary' });
  if (!base) {
    base = await createConnection(mongoUri, mongooseConnectOptions(options)).asPromise();
  }
  const dbName = `primetrade_contract_test_${run}_${++counter}`;
  if (!dbName.includes('test')) throw new Error(`refusing to use database ${dbName}: its name lacks "test"`);
  const db = base.useDb(dbName, { useCache: false });
  const users = db.model<UserRecord>(UserRecord.name, UserSchema);
  const sessions = db.model<SessionRecord>(SessionRecord.name, SessionSchema);
  const tasks = db.model<TaskRecord>(TaskRecord.name, TaskSchema);
  const dueCounters = db.model<TaskDueCounterRecord>(TaskDueCounterRecord.name, TaskDueCounterSchema);
  // Indexes first: the unique email index is what refuses a duplicate registration.
  await Promise.all([users.init(), sessions.init(), tasks.init(), dueCounters.init()]);
  // An empty database: the build is recorded at once, so the statistics read the counters.
  const counters = new MongoTaskCounters(tasks);
  await counters.rebuildAll();
  // The contract runs on a frozen clock in the past; the server's TTL monitor runs on the wall
  // clock and would delete the suite's sessions mid-test. Keep the index, push its expiry out.
  await db.db!.command({
    collMod: sessions.collection.collectionName,
    index: { name: 'expiresAt_ttl', expireAfterSeconds: 10 * 365 * 86_400 },
  });
  return {
    users: new MongoUserRepository(
      users,
      new AesGcmContentCipher({ keys: new Map([['k1', randomBytes(32)]]), activeKeyId: 'k1', blindIndexKey: randomBytes(32) }),
      new BlindIndex(randomBytes(32)),
    ),
    sessions: new MongoSessionRepository(sessions),
    tasks: new MongoTaskRepository(tasks, content),
    // Primary reads here: the contract checks results, not replication lag.
    readModel: new MongoTaskReadModel(tasks, options, content),
    statistics: new MongoTaskStatistics(tasks, options, counters),
    dispose: async () => {
      await db.dropDatabase();
    },
  };
}

(uri ? describe : describe.skip)('MongoDB adapters', () => {
  // A fresh database per test builds its indexes first: slower than SQLite's in-memory file.
  jest.setTimeout(30_000);

  afterAll(async () => {
    await base?.close();
  });

  describePersistenceContract('mongodb', () => openMongoStores(uri as string));
  // ENCRYPT_TASK_CONTENT on: the same behaviour, search by decrypt-and-filter.
  const sealing = new TaskContentSealer(
    new AesGcmContentCipher({ keys: new Map([['k1', randomBytes(32)]]), activeKeyId: 'k1', blindIndexKey: randomBytes(32) }),
    true,
  );
  describePersistenceContract('mongodb, task content encrypted', () => openMongoStores(uri as string, sealing));
});
