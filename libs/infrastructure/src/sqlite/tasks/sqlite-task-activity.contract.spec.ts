import { describeTaskActivityContract } from '@primetrade/testing';
import { PLAINTEXT_TASK_CONTENT } from '../../core/tasks/task-content-sealer';
import { SqliteDatabase } from '../database/sqlite-database';
import { SqliteTaskActivityReadModel } from './sqlite-task-activity';
import { SqliteTaskRepository } from './sqlite-task.repository';

describeTaskActivityContract('sqlite', async () => {
  const sqlite = new SqliteDatabase({ file: ':memory:' });
  return {
    tasks: new SqliteTaskRepository(sqlite, PLAINTEXT_TASK_CONTENT),
    activity: new SqliteTaskActivityReadModel(sqlite),
    dispose: async () => sqlite.close(),
  };
});
