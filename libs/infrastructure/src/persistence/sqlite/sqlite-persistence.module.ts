import { type DynamicModule, Injectable, Module, type OnApplicationShutdown } from '@nestjs/common';
import { SessionRepository, TaskReadModel, TaskRepository, TaskStatistics, UserRepository } from '@primetrade/domain';
import { PersistenceHealth } from '../persistence-health';
import { SqliteDatabase, type SqliteOptions } from './sqlite-database';
import { SqliteSessionRepository } from './sqlite-session.repository';
import { SqliteTaskReadModel } from './sqlite-task-read-model';
import { SqliteTaskRepository } from './sqlite-task.repository';
import { SqliteTaskStatistics } from './sqlite-task-statistics';
import { SqliteUserRepository } from './sqlite-user.repository';

@Injectable()
class SqliteHealth extends PersistenceHealth implements OnApplicationShutdown {
  readonly storeName = 'sqlite';

  constructor(private readonly sqlite: SqliteDatabase) {
    super();
  }

  async ping(): Promise<void> {
    this.sqlite.statement('SELECT 1').get();
  }

  /** After the HTTP server has drained, never before: in-flight requests still use the handle. */
  onApplicationShutdown(): void {
    this.sqlite.close();
  }
}

/** The embedded store: every persistence port on one SQLite file. */
@Module({})
export class SqlitePersistenceModule {
  static forRoot(options: SqliteOptions): DynamicModule {
    const adapters = [
      { provide: UserRepository, useClass: SqliteUserRepository },
      { provide: SessionRepository, useClass: SqliteSessionRepository },
      { provide: TaskRepository, useClass: SqliteTaskRepository },
      { provide: TaskReadModel, useClass: SqliteTaskReadModel },
      { provide: TaskStatistics, useClass: SqliteTaskStatistics },
      { provide: PersistenceHealth, useClass: SqliteHealth },
    ];
    return {
      module: SqlitePersistenceModule,
      global: true,
      providers: [{ provide: SqliteDatabase, useFactory: () => new SqliteDatabase(options) }, ...adapters],
      exports: [SqliteDatabase, ...adapters.map((a) => a.provide)],
    };
  }
}
