export * from './in-memory-store';
export * from './memory-user.repository';
export * from './memory-session.repository';
export * from './memory-task.repository';
export * from './memory-task-read-model';
export * from './memory-task-statistics';
export * from './in-memory-persistence';
export * from './in-memory-persistence.module';
