// Public surface of the hexagon: models, ports (abstract classes that are their own DI tokens)
// and the application's commands, queries and handlers.
export * from './shared/model/domain.errors';
export * from './shared/model/infrastructure.errors';
export * from './shared/model/data-integrity.errors';
export * from './shared/model/idempotency.errors';
export * from './shared/model/domain-event';
export * from './shared/model/aggregate-root';
export * from './shared/ports/clock.port';
export * from './shared/ports/id-generator.port';
export * from './shared/ports/event-publisher.port';
export * from './shared/ports/content-cipher.port';
export * from './shared/ports/persistence-health.port';
export * from './shared/ports/idempotency-store.port';
export * from './shared/application/page';
export * from './shared/application/cursor';

export * from './identity';

export * from './tasks';
export * from './notifications';
export * from './attachments';
export * from './calendar';
export * from './webhooks';
