import { type DynamicModule, Module } from '@nestjs/common';
import { MongooseModule } from '@nestjs/mongoose';
import {
  ContentCipher,
  PersistenceHealth,
  SessionRepository,
  TaskActivityReadModel,
  TaskArchive,
  TaskReadModel,
  TaskRepository,
  TaskUnitOfWork,
  UserRepository,
} from '@primetrade/domain';
import { StoreTaskStatistics } from '../core/platform/store-ports';
import { TaskContentSealer } from '../core/tasks/task-content-sealer';
import { MongoHealth } from './connection/mongo-health';
import {
  MONGO_PERSISTENCE_OPTIONS,
  type MongoPersistenceOptions,
  mongooseModuleOptions,
  resolveMongoPersistenceOptions,
} from './connection/mongo-persistence.options';
import { MongoSessionRepository } from './identity/mongo-session.repository';
import { MongoTaskReadModel } from './tasks/mongo-task-read-model';
import { MongoTaskRepository } from './tasks/mongo-task.repository';
import { MongoTaskUnitOfWork } from './tasks/mongo-task-unit-of-work';
import { EventOutbox } from '../core/events/event-outbox';
import { MongoEventOutbox } from './events/mongo-event-outbox';
import { MongoTaskStatistics } from './tasks/mongo-task-statistics';
import { MongoTaskActivityReadModel } from './tasks/mongo-task-activity';
import { MongoTaskArchive } from './tasks/mongo-task-archive';
import { MongoArchivedCountStatistics } from './tasks/mongo-archived-count-statistics';
import { ARCHIVED_TASK_MODEL, ArchivedTaskSchema } from './tasks/task-archive.schema';
import { MongoUserRepository } from './identity/mongo-user.repository';
import { SessionRecord, SessionSchema } from './identity/session.schema';
import { TaskRecord, TaskSchema } from './tasks/task.schema';
import { TaskCounterRecord, TaskCounterSchema, TaskDueCounterRecord, TaskDueCounterSchema } from './tasks/task-counters.schema';
import { MongoTaskCounters } from './tasks/mongo-task-counters';
import { UserRecord, UserSchema } from './identity/user.schema';

export const MONGO_MODELS = [
  { name: UserRecord.name, schema: UserSchema },
  { name: SessionRecord.name, schema: SessionSchema },
  { name: TaskRecord.name, schema: TaskSchema },
  // The statistics read model: declared for its indexes, written by MongoTaskRepository.
  { name: TaskCounterRecord.name, schema: TaskCounterSchema },
  { name: TaskDueCounterRecord.name, schema: TaskDueCounterSchema },
  { name: ARCHIVED_TASK_MODEL, schema: ArchivedTaskSchema },
];

/**
 * The connection and the identity and tasks collections on MongoDB through @nestjs/mongoose.
 * MongoModule adds the other contexts' collections on the same connection.
 */
@Module({})
export class MongoPersistenceModule {
  static forRoot(options: MongoPersistenceOptions, content: { encryptTaskContent?: boolean } = {}): DynamicModule {
    const resolved = resolveMongoPersistenceOptions(options);
    const adapters = [
      { provide: UserRepository, useClass: MongoUserRepository },
      { provide: SessionRepository, useClass: MongoSessionRepository },
      { provide: TaskRepository, useExisting: MongoTaskRepository },
      { provide: TaskUnitOfWork, useClass: MongoTaskUnitOfWork },
      { provide: TaskReadModel, useClass: MongoTaskReadModel },
      { provide: StoreTaskStatistics, useClass: MongoArchivedCountStatistics },
      { provide: TaskArchive, useClass: MongoTaskArchive },
      { provide: TaskActivityReadModel, useClass: MongoTaskActivityReadModel },
      { provide: PersistenceHealth, useClass: MongoHealth },
      // The transactional outbox the task and user repositories write their events to.
      { provide: EventOutbox, useExisting: MongoEventOutbox },
    ];
    return {
      module: MongoPersistenceModule,
      imports: [MongooseModule.forRoot(resolved.uri, mongooseModuleOptions(resolved)), MongooseModule.forFeature(MONGO_MODELS)],
      providers: [
        { provide: MONGO_PERSISTENCE_OPTIONS, useValue: resolved },
        // The cipher is there with the flag off too: documents sealed while it was on stay readable.
        {
          provide: TaskContentSealer,
          useFactory: (cipher: ContentCipher) => new TaskContentSealer(cipher, content.encryptTaskContent ?? false),
          inject: [ContentCipher],
        },
        MongoEventOutbox,
        // One instance behind TaskRepository and the unit of work's writes.
        MongoTaskRepository,
        // The statistics counters' build state; rebuilds them at start-up when not built yet.
        MongoTaskCounters,
        // The hot tasks' overview, which MongoArchivedCountStatistics completes with the archived count.
        MongoTaskStatistics,
        ...adapters,
      ],
      exports: adapters.map((adapter) => adapter.provide),
    };
  }
}
