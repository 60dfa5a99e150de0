export * from './in-memory-store';
export * from './in-memory-user.repository';
export * from './in-memory-session.repository';
export * from './in-memory-task.repository';
export * from './in-memory-task-read-model';
export * from './in-memory-task-statistics';
export * from './in-memory-persistence';
export * from './in-memory-persistence.module';
