import { randomBytes } from 'node:crypto';
import { describePersistenceContract } from '../contract/persistence.contract';
import { AesGcmContentCipher } from '../../security/aes-gcm-content-cipher';
import { BlindIndex } from '../../security/blind-index';
import { PLAINTEXT_TASK_CONTENT } from '../task-content/task-content-sealer';
import { SqliteDatabase } from './sqlite-database';
import { SqliteSessionRepository } from './sqlite-session.repository';
import { SqliteTaskReadModel } from './sqlite-task-read-model';
import { SqliteTaskRepository } from './sqlite-task.repository';
import { SqliteTaskStatistics } from './sqlite-task-statistics';
import { SqliteUserRepository } from './sqlite-user.repository';

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
