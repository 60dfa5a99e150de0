import { type DynamicModule, Injectable, Module } from '@nestjs/common';
import {
  SessionRepository,
  TaskActivityReadModel,
  TaskReadModel,
  TaskRepository,
  TaskStatistics,
  UserRepository,
} from '@primetrade/domain';
import { PersistenceHealth } from '@primetrade/domain';
import { InMemoryStore } from './in-memory-store';
import { InMemorySessionRepository } from './in-memory-session.repository';
import { InMemoryTaskReadModel } from './in-memory-task-read-model';
import { InMemoryTaskRepository } from './in-memory-task.repository';
import { InMemoryTaskStatistics } from './in-memory-task-statistics';
import { InMemoryTaskActivityReadModel } from './in-memory-task-activity';
import { InMemoryUserRepository } from './in-memory-user.repository';

/** The process's own memory is always there; readiness has nothing to wait for. */
@Injectable()
class InMemoryHealth extends PersistenceHealth {
  readonly storeName = 'memory';

  async ping(): Promise<void> {
    // Always answers.
  }
}

/**
 * Every persistence port on one in-process store: for tests and throw-away demos. Data lives
 * as long as the application instance, so each test module gets a clean slate.
 */
@Module({})
export class InMemoryPersistenceModule {
  static forRoot(): DynamicModule {
    const adapters = [
      { provide: UserRepository, useClass: InMemoryUserRepository },
      { provide: SessionRepository, useClass: InMemorySessionRepository },
      { provide: TaskRepository, useClass: InMemoryTaskRepository },
      { provide: TaskReadModel, useClass: InMemoryTaskReadModel },
      { provide: TaskStatistics, useClass: InMemoryTaskStatistics },
      { provide: TaskActivityReadModel, useClass: InMemoryTaskActivityReadModel },
      { provide: PersistenceHealth, useClass: InMemoryHealth },
    ];
    return {
      module: InMemoryPersistenceModule,
      global: true,
      // A factory, not a class provider: a new store per forRoot() even if Nest shares the class.
      providers: [{ provide: InMemoryStore, useFactory: () => new InMemoryStore() }, ...adapters],
      exports: [InMemoryStore, ...adapters.map((a) => a.provide)],
    };
  }
}
