import { type DynamicModule, Injectable, Module, type OnApplicationShutdown } from '@nestjs/common';
import { ContentCipher, SessionRepository, TaskReadModel, TaskRepository, TaskStatistics, UserRepository } from '@primetrade/domain';
import { PersistenceHealth } from '@primetrade/domain';
import { TaskContentSealer } from '../core/tasks/task-content-sealer';
import { SqliteDatabase, type SqliteOptions } from './database/sqlite-database';
import { SqliteSessionRepository } from './identity/sqlite-session.repository';
import { SqliteTaskReadModel } from './tasks/sqlite-task-read-model';
import { SqliteTaskRepository } from './tasks/sqlite-task.repository';
import { SqliteTaskStatistics } from './tasks/sqlite-task-statistics';
import { SqliteUserRepository } from './identity/sqlite-user.repository';

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
  static forRoot(options: SqliteOptions & { encryptTaskContent?: boolean }): DynamicModule {
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
      providers: [
        { provide: SqliteDatabase, useFactory: () => new SqliteDatabase({ file: options.file }) },
        // The cipher is there with the flag off too: rows sealed while it was on stay readable.
        {
          provide: TaskContentSealer,
          useFactory: (cipher: ContentCipher) => new TaskContentSealer(cipher, options.encryptTaskContent ?? false),
          inject: [ContentCipher],
        },
        ...adapters,
      ],
      exports: [SqliteDatabase, ...adapters.map((a) => a.provide)],
    };
  }
}
