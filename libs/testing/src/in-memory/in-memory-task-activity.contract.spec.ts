import { describeTaskActivityContract } from '../contracts/task-activity.contract';
import { InMemoryStore } from './in-memory-store';
import { InMemoryTaskActivityReadModel } from './in-memory-task-activity';
import { createInMemoryPersistence } from './in-memory-persistence';

describeTaskActivityContract('in-memory', async () => {
  const store = new InMemoryStore();
  return {
    tasks: createInMemoryPersistence(store).tasks,
    activity: new InMemoryTaskActivityReadModel(store),
    dispose: async () => undefined,
  };
});
