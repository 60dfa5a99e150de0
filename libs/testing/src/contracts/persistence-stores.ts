import type { SessionRepository, TaskReadModel, TaskRepository, TaskStatistics, UserRepository } from '@primetrade/domain';

/** Every persistence port one adapter family provides; the contract suite runs against it. */
export interface PersistenceStores {
  users: UserRepository;
  sessions: SessionRepository;
  tasks: TaskRepository;
  readModel: TaskReadModel;
  statistics: TaskStatistics;
  /** Releases the stores (closes connections, drops the test database). */
  dispose(): Promise<void>;
}
