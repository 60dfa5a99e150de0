import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describeTaskFilterProperty } from '@primetrade/testing';
import { AesGcmContentCipher } from '../../core/security/aes-gcm-content-cipher';
import { PLAINTEXT_TASK_CONTENT, TaskContentSealer } from '../../core/tasks/task-content-sealer';
import { SqliteDatabase } from '../database/sqlite-database';
import { SqliteTaskReadModel } from './sqlite-task-read-model';
import { SqliteTaskRepository } from './sqlite-task.repository';

/** A real database file, written through the repository as the app writes it. */
function openOnFile(content: TaskContentSealer) {
  return async () => {
    const dir = mkdtempSync(join(tmpdir(), 'filter-prop-'));
    const sqlite = new SqliteDatabase({ file: join(dir, 'tasks.sqlite') });
    const repository = new SqliteTaskRepository(sqlite, content);
    const readModel = new SqliteTaskReadModel(sqlite, content);
    return {
      insert: async (tasks: readonly Parameters<SqliteTaskRepository['insert']>[0][]) => {
        for (const task of tasks) await repository.insert(task);
      },
      list: readModel.list.bind(readModel),
      dispose: async () => {
        sqlite.close();
        rmSync(dir, { recursive: true, force: true });
      },
    };
  };
}

describeTaskFilterProperty('sqlite file', openOnFile(PLAINTEXT_TASK_CONTENT));

// Sealed title and description: text comparisons are decrypted and matched in the process.
const cipher = new AesGcmContentCipher({ keys: new Map([['k1', randomBytes(32)]]), activeKeyId: 'k1', blindIndexKey: randomBytes(32) });
describeTaskFilterProperty('sqlite file, task content encrypted', openOnFile(new TaskContentSealer(cipher, true)), 120);
