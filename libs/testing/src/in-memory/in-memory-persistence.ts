import { InMemoryStore } from './in-memory-store';
import { MemorySessionRepository } from './in-memory-session.repository';
import { MemoryTaskReadModel } from './in-memory-task-read-model';
import { MemoryTaskRepository } from './in-memory-task.repository';
import { MemoryTaskStatistics } from './in-memory-task-statistics';
import { MemoryUserRepository } from './in-memory-user.repository';

/** Every in-memory persistence adapter over one fresh store, for tests that need no Nest container. */
export interface InMemoryPersistence {
  store: InMemoryStore;
  users: MemoryUserRepository;
  sessions: MemorySessionRepository;
  tasks: MemoryTaskRepository;
  readModel: MemoryTaskReadModel;
  statistics: MemoryTaskStatistics;
}

export function createInMemoryPersistence(store = new InMemoryStore()): InMemoryPersistence {
  return {
    store,
    users: new MemoryUserRepository(store),
    sessions: new MemorySessionRepository(store),
    tasks: new MemoryTaskRepository(store),
    readModel: new MemoryTaskReadModel(store),
    statistics: new MemoryTaskStatistics(store),
  };
}
