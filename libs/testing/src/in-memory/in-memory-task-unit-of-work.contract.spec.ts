import { RecordingEventPublisher } from '../doubles/recording-event-publisher';
import { describeTaskUnitOfWorkContract } from '../contracts/task-unit-of-work.contract';
import { InMemoryStore } from './in-memory-store';
import { InMemoryTaskRepository } from './in-memory-task.repository';
import { InMemoryTaskUnitOfWork } from './in-memory-task-unit-of-work';

describeTaskUnitOfWorkContract('in-memory', async () => {
  const store = new InMemoryStore();
  const events = new RecordingEventPublisher();
  return {
    tasks: new InMemoryTaskRepository(store),
    unitOfWork: new InMemoryTaskUnitOfWork(store, events),
    events: async () => events.types(),
    dispose: async () => undefined,
  };
});
