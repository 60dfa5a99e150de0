import { randomBytes } from 'node:crypto';
import { describePersistenceContract } from '@primetrade/testing';
import { AesGcmContentCipher } from '../../core/security/aes-gcm-content-cipher';
import { BlindIndex } from '../../core/security/blind-index';
import { TaskContentSealer } from '../../core/tasks/task-content-sealer';
import { SqliteDatabase } from '../database/sqlite-database';
import { SqliteSessionRepository } from '../identity/sqlite-session.repository';
import { SqliteTaskReadModel } from './sqlite-task-read-model';
import { SqliteTaskRepository } from './sqlite-task.repository';
import { SqliteTaskStatistics } from './sqlite-task-statistics';
import { SqliteUserRepository } from '../identity/sqlite-user.repository';

/** The same contract with ENCRYPT_TASK_CONTENT on: search, filters, sort, paging and statistics unchanged. */
describePersistenceContract('sqlite, task content encrypted', async () => {
  const sqlite = new SqliteDatabase({ file: ':memory:' });
  const cipher = new AesGcmContentCipher({ keys: new Map([['k1', randomBytes(32)]]), activeKeyId: 'k1', blindIndexKey: randomBytes(32) });
  const content = new TaskContentSealer(cipher, true);
  return {
    users: new SqliteUserRepository(sqlite, cipher, new BlindIndex(randomBytes(32))),
    sessions: new SqliteSessionRepository(sqlite),
    tasks: new SqliteTaskRepository(sqlite, content),
    readModel: new SqliteTaskReadModel(sqlite, content),
    statistics: new SqliteTaskStatistics(sqlite),
    dispose: async () => sqlite.close(),
  };
});
