// Test doubles of the ports that have real adapters elsewhere, for the domain's unit tests.
export * from './fixed-clock';
export * from './sequential-id-generator';
export * from './recording-event-publisher';
export * from './fake-password-hasher';
export * from './fake-token-service';
export * from './memory-persistence';
export * from './test-context';
