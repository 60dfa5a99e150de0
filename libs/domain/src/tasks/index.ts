// The tasks context's public surface: other contexts and the outer layers import only this.
export * from './model/task.entity';
export * from './model/task-status';
export * from './model/task-priority';
export * from './model/task.errors';
export * from './model/task-filter';
export * from './model/task-filter-condition';
export * from './model/task-recurrence';
export * from './model/task.events';
export * from './ports/task.repository.port';
export * from './ports/task-read-model.port';
export * from './ports/task-statistics.port';
export * from './ports/task-activity.port';
export * from './ports/task-unit-of-work.port';
export * from './ports/task-archive.port';
export * from './ports/recurrence-rules.port';
export * from './application';
