// Test support for every project's specs, each piece once: doubles of the ports, in-memory
// adapters, the contract suites every adapter of a port runs, and probes for real services.
// Importable from specs only (eslint.config.mjs); production code never loads it.
export * from './doubles/fixed-clock';
export * from './doubles/sequential-id-generator';
export * from './doubles/recording-event-publisher';
export * from './doubles/fake-password-hasher';
export * from './doubles/fake-token-service';
export * from './doubles/recording-notification-queue';
export * from './doubles/recording-mailer';
export * from './in-memory';
export * from './in-memory/in-memory-attachments';
export * from './in-memory/in-memory-notification.repository';
export * from './in-memory/in-memory-idempotency.store';
export * from './in-memory/in-memory-calendar-feed.repository';
export * from './in-memory/in-memory-account-token.repository';
export * from './test-context';
export * from './expect-fails-fast';
export * from './contracts/task-fixtures';
export * from './contracts/persistence-stores';
export * from './contracts/persistence.contract';
export * from './contracts/task-activity.contract';
export * from './contracts/task-unit-of-work.contract';
export * from './contracts/notification-repository.contract';
export * from './contracts/notification-stores.contract';
export * from './contracts/attachment-stores.contract';
export * from './contracts/idempotency-store.contract';
export * from './contracts/calendar-feed.contract';
export * from './contracts/account-token.contract';
export * from './redis/redis-test-env';
export * from './mongo/mingo-collection';
export * from './mongo/mingo-database';
export * from './mongo/mongo-test-server';
export * from './contracts/task-filter.property';
export * from './in-memory/in-memory-webhooks';
export * from './doubles/scripted-webhook-sender';
export * from './doubles/recording-webhook-queue';
export * from './contracts/webhook-stores.contract';
