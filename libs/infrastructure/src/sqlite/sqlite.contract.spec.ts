import { randomBytes } from 'node:crypto';
import { describePersistenceContract } from '@primetrade/testing';
import { AesGcmContentCipher } from '../core/security/aes-gcm-content-cipher';
import { BlindIndex } from '../core/security/blind-index';
import { PLAINTEXT_TASK_CONTENT } from '../core/tasks/task-content-sealer';
import { SqliteDatabase } from './database/sqlite-database';
import { SqliteSessionRepository } from './identity/sqlite-session.repository';
import { SqliteTaskReadModel } from './tasks/sqlite-task-read-model';
import { SqliteTaskRepository } from './tasks/sqlite-task.repository';
import { SqliteTaskStatistics } from './tasks/sqlite-task-statistics';
import { SqliteUserRepository } from './identity/sqlite-user.repository';

describePersistenceContract('sqlite', async () => {
  const sqlite = new SqliteDatabase({ file: ':memory:' });
  return {
    users: new SqliteUserRepository(
      sqlite,
      new AesGcmContentCipher({ keys: new Map([['k1', randomBytes(32)]]), activeKeyId: 'k1', blindIndexKey: randomBytes(32) }),
      new BlindIndex(randomBytes(32)),
    ),
    sessions: new SqliteSessionRepository(sqlite),
    tasks: new SqliteTaskRepository(sqlite, PLAINTEXT_TASK_CONTENT),
    readModel: new SqliteTaskReadModel(sqlite, PLAINTEXT_TASK_CONTENT),
    statistics: new SqliteTaskStatistics(sqlite),
    dispose: async () => sqlite.close(),
  };
});
