import { RecordingEventPublisher } from '../doubles/recording-event-publisher';
import { describeTaskArchiveContract } from '../contracts/task-archive.contract';
import { InMemoryStore } from './in-memory-store';
import { InMemoryTaskArchive } from './in-memory-task-archive';
import { InMemoryTaskReadModel } from './in-memory-task-read-model';
import { InMemoryTaskRepository } from './in-memory-task.repository';
import { InMemoryTaskStatistics } from './in-memory-task-statistics';

describeTaskArchiveContract('in-memory', async () => {
  const store = new InMemoryStore();
  const events = new RecordingEventPublisher();
  return {
    tasks: new InMemoryTaskRepository(store),
    archive: new InMemoryTaskArchive(store, events),
    readModel: new InMemoryTaskReadModel(store),
    statistics: new InMemoryTaskStatistics(store),
    events: async () => events.types(),
    dispose: async () => undefined,
  };
});
