import { describeOnMongoServer, describeTaskArchiveContract } from '@primetrade/testing';
import { PLAINTEXT_TASK_CONTENT } from '../../core/tasks/task-content-sealer';
import { resolveMongoPersistenceOptions } from '../connection/mongo-persistence.options';
import { MongoEventOutbox } from '../events/mongo-event-outbox';
import { MongoArchivedCountStatistics } from './mongo-archived-count-statistics';
import { MongoTaskArchive } from './mongo-task-archive';
import { MongoTaskReadModel } from './mongo-task-read-model';
import { MongoTaskRepository } from './mongo-task.repository';
import { MongoTaskStatistics } from './mongo-task-statistics';
import { MongoTaskCounters } from './mongo-task-counters';
import { TaskDueCounterRecord, TaskDueCounterSchema } from './task-counters.schema';
import { ARCHIVED_TASK_MODEL, ArchivedTaskSchema } from './task-archive.schema';
import { type TaskRecord, TaskRecord as TaskRecordClass, TaskSchema } from './task.schema';

describeOnMongoServer('MongoTaskArchive', (database) => {
  describeTaskArchiveContract('mongodb', async () => {
    const connection = await database();
    const hot = connection.model<TaskRecord>(TaskRecordClass.name, TaskSchema);
    const archived = connection.model<TaskRecord>(ARCHIVED_TASK_MODEL, ArchivedTaskSchema);
    const dueCounters = connection.model<TaskDueCounterRecord>(TaskDueCounterRecord.name, TaskDueCounterSchema);
    await Promise.all([hot.init(), archived.init(), dueCounters.init()]);
    // The counters built at once (an empty database): moves must keep them through removeIn / insertIn.
    const counters = new MongoTaskCounters(hot);
    await counters.rebuildAll();
    const options = resolveMongoPersistenceOptions({ uri: 'mongodb://unused', readPreference: 'primary' });
    const outbox = new MongoEventOutbox(connection);
    const tasks = new MongoTaskRepository(hot, PLAINTEXT_TASK_CONTENT, outbox);
    return {
      tasks,
      archive: new MongoTaskArchive(connection, hot, archived, tasks, outbox, PLAINTEXT_TASK_CONTENT),
      readModel: new MongoTaskReadModel(hot, options, PLAINTEXT_TASK_CONTENT),
      statistics: new MongoArchivedCountStatistics(new MongoTaskStatistics(hot, options, counters), archived, options),
      events: async () => (await outbox.pending(10_000)).map((e) => e.type),
      dispose: async () => undefined,
    };
  });
});
