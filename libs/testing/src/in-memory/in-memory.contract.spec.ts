import { describePersistenceContract } from '../contracts/persistence.contract';
import { createInMemoryPersistence } from './in-memory-persistence';

describePersistenceContract('memory', async () => {
  const { store, users, sessions, tasks, readModel, statistics } = createInMemoryPersistence();
  return { users, sessions, tasks, readModel, statistics, dispose: async () => store.clear() };
});
