// Public surface of the hexagon: models, ports (abstract classes that are their own DI tokens)
// and the application's commands, queries and handlers.
export * from './shared/model/domain-error';
export * from './shared/model/infrastructure-errors';
export * from './shared/model/data-integrity.error';
export * from './shared/model/domain-event';
export * from './shared/model/aggregate-root';
export * from './shared/ports/clock.port';
export * from './shared/ports/id-generator.port';
export * from './shared/ports/event-publisher.port';
export * from './shared/ports/content-cipher.port';
export * from './shared/ports/persistence-health.port';
export * from './shared/application/page';
export * from './shared/application/cursor';

export * from './identity/model/email';
export * from './identity/model/user.entity';
export * from './identity/model/session.entity';
export * from './identity/model/identity.errors';
export * from './identity/model/identity.events';
export * from './identity/ports/user.repository.port';
export * from './identity/ports/session.repository.port';
export * from './identity/ports/password-hasher.port';
export * from './identity/ports/token.service.port';
export * from './identity/application';

export * from './tasks/model/task.entity';
export * from './tasks/model/task-status';
export * from './tasks/model/task-priority';
export * from './tasks/model/task.errors';
export * from './tasks/model/task.events';
export * from './tasks/ports/task.repository.port';
export * from './tasks/ports/task-read-model.port';
export * from './tasks/ports/task-statistics.port';
export * from './tasks/application';
export * from './notifications';
export * from './attachments';
