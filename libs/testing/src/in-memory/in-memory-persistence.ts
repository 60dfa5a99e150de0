import { InMemoryStore } from './in-memory-store';
import { InMemorySessionRepository } from './in-memory-session.repository';
import { InMemoryTaskReadModel } from './in-memory-task-read-model';
import { InMemoryTaskRepository } from './in-memory-task.repository';
import { InMemoryTaskStatistics } from './in-memory-task-statistics';
import { InMemoryUserRepository } from './in-memory-user.repository';

/** Every in-memory persistence adapter over one fresh store, for tests that need no Nest container. */
export interface InMemoryPersistence {
  store: InMemoryStore;
  users: InMemoryUserRepository;
  sessions: InMemorySessionRepository;
  tasks: InMemoryTaskRepository;
  readModel: InMemoryTaskReadModel;
  statistics: InMemoryTaskStatistics;
}

export function createInMemoryPersistence(store = new InMemoryStore()): InMemoryPersistence {
  return {
    store,
    users: new InMemoryUserRepository(store),
    sessions: new InMemorySessionRepository(store),
    tasks: new InMemoryTaskRepository(store),
    readModel: new InMemoryTaskReadModel(store),
    statistics: new InMemoryTaskStatistics(store),
  };
}
