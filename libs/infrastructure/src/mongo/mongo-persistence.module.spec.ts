import { expectEachToFailFastWith } from '@primetrade/testing';
import { Test, type TestingModule } from '@nestjs/testing';
import { getConnectionToken } from '@nestjs/mongoose';
import {
  DatabaseUnavailableError,
  Session,
  SessionRepository,
  Task,
  TaskReadModel,
  TaskArchive,
  TaskRepository,
  User,
  UserRepository,
} from '@primetrade/domain';
import { createConnection, type Connection } from 'mongoose';
import { StoreTaskStatistics } from '../core/platform/store-ports';
import { EncryptionModule } from '../core/security/encryption.module';
import { PersistenceHealth } from '@primetrade/domain';
import { MongoHealth } from './connection/mongo-health';
import { MongoPersistenceModule } from './mongo-persistence.module';
import { mongooseConnectOptions, resolveMongoPersistenceOptions } from './connection/mongo-persistence.options';
import { MongoSessionRepository } from './identity/mongo-session.repository';
import { MongoTaskReadModel } from './tasks/mongo-task-read-model';
import { MongoTaskRepository } from './tasks/mongo-task.repository';
import { MongoArchivedCountStatistics } from './tasks/mongo-archived-count-statistics';
import { MongoTaskArchive } from './tasks/mongo-task-archive';
import { MongoUserRepository } from './identity/mongo-user.repository';

const NOW = new Date('2026-06-15T12:00:00.000Z');

const UNREACHABLE = 'mongodb://127.0.0.1:1/primetrade_test'; // nothing listens on port 1

/**
 * The module wired as the composition root wires it, on a real Mongoose connection whose server
 * is unreachable: what an API replica sees while MongoDB is down.
 */
describe('MongoPersistenceModule with MongoDB unreachable', () => {
  let moduleRef: TestingModule;
  let connection: Connection;

  beforeAll(async () => {
    const { bufferCommands } = mongooseConnectOptions(resolveMongoPersistenceOptions({ uri: UNREACHABLE }));
    connection = createConnection(UNREACHABLE, { bufferCommands, serverSelectionTimeoutMS: 300 });
    connection.asPromise().catch(() => undefined); // the refused connect is the point
    moduleRef = await Test.createTestingModule({
      imports: [
        EncryptionModule.forRoot({ keys: new Map([['k1', Buffer.alloc(32, 1)]]), activeKeyId: 'k1', blindIndexKey: Buffer.alloc(32, 2) }),
        MongoPersistenceModule.forRoot({ uri: UNREACHABLE }),
      ],
    })
      .overrideProvider(getConnectionToken())
      .useValue(connection)
      .compile();
  });

  afterAll(async () => {
    await connection.close();
  });

  it('provides every persistence port with its MongoDB adapter', () => {
    expect(moduleRef.get(UserRepository)).toBeInstanceOf(MongoUserRepository);
    expect(moduleRef.get(SessionRepository)).toBeInstanceOf(MongoSessionRepository);
    expect(moduleRef.get(TaskRepository)).toBeInstanceOf(MongoTaskRepository);
    expect(moduleRef.get(TaskReadModel)).toBeInstanceOf(MongoTaskReadModel);
    expect(moduleRef.get(StoreTaskStatistics)).toBeInstanceOf(MongoArchivedCountStatistics);
    expect(moduleRef.get(TaskArchive)).toBeInstanceOf(MongoTaskArchive);
    expect(moduleRef.get(PersistenceHealth)).toBeInstanceOf(MongoHealth);
    expect(moduleRef.get(PersistenceHealth).storeName).toBe('mongodb');
  });

  it('registers the collections’ models on the connection (the task counters for their indexes)', () => {
    expect(Object.keys(connection.models).sort()).toEqual([
      'ArchivedTaskRecord',
      'SessionRecord',
      'TaskCounterRecord',
      'TaskDueCounterRecord',
      'TaskRecord',
      'UserRecord',
    ]);
    expect(connection.models['ArchivedTaskRecord'].collection.collectionName).toBe('tasks_archive');
    expect(connection.models['TaskRecord'].collection.collectionName).toBe('tasks');
  });

  it('fails every port call at once with DatabaseUnavailableError instead of waiting', async () => {
    const task = Task.create({ id: 't1', ownerId: 'u1', title: 'x', now: NOW });
    const user = User.register({ id: 'u1', name: 'Ada', email: 'ada@example.com', passwordHash: 'h', now: NOW });
    const session = Session.start({ id: 's1', userId: 'u1', familyId: 's1', tokenHash: 'h', now: NOW, ttlMs: 1000 });
    const calls: Array<() => Promise<unknown>> = [
      () => moduleRef.get(UserRepository).findById('u1'),
      () => moduleRef.get(UserRepository).findByEmail('ada@example.com'),
      () => moduleRef.get(UserRepository).create(user),
      () => moduleRef.get(SessionRepository).create(session),
      () => moduleRef.get(SessionRepository).findByTokenHash('h'),
      () => moduleRef.get(SessionRepository).markRotated('s1', NOW),
      () => moduleRef.get(SessionRepository).revokeFamily('s1', NOW),
      () => moduleRef.get(TaskRepository).findById('u1', 't1'),
      () => moduleRef.get(TaskRepository).insert(task),
      () => moduleRef.get(TaskRepository).update(task),
      () => moduleRef.get(TaskRepository).delete('u1', 't1', 1),
      () => moduleRef.get(TaskReadModel).list('u1', { criteria: { now: NOW }, sort: 'createdAt', order: 'desc', after: null, limit: 21 }),
      () => moduleRef.get(StoreTaskStatistics).overview('u1', NOW),
    ];
    await expectEachToFailFastWith(calls, DatabaseUnavailableError);
  });

  it('reports readiness down', async () => {
    await expect(moduleRef.get(PersistenceHealth).ping()).rejects.toBeInstanceOf(DatabaseUnavailableError);
  });
});
