// @primetrade/infrastructure — the technology-neutral adapters every profile loads (clock, ids,
// in-process messaging, encryption, password hashing, tokens, file storage) and the tokens the
// technology modules bind. Each technology has its own entry point, loaded only when configured:
// @primetrade/infrastructure/sqlite, /mongo, /redis, /smtp. See docs/architecture.md.
export * from './core/system-clock';
export * from './core/uuid-v7-id-generator';
export * from './core/events/in-process-event-publisher';
export * from './core/events/correlation-context';
export * from './core/events/event-outbox';
export * from './core/events/event-codec';
export * from './core/events/event-relay-sink';
export * from './core/events/in-process-relay-sink';
export * from './core/events/outbox-relay';
export * from './core/platform/store-ports';
export * from './core/platform/messaging-health';
export * from './core/platform/rate-limit-storage';
export * from './core/platform/in-process-messaging.module';
export * from './core/security/argon2-password-hasher';
export * from './core/security/jwt-settings';
export * from './core/security/jwt-token.service';
export * from './core/security/security.module';
export * from './core/security/encryption.module';
export * from './core/security/encryption-keys';
export * from './core/security/aes-gcm-content-cipher';
export * from './core/security/blind-index';
export * from './core/tasks';
export * from './core/notifications/notification-jobs';
export * from './core/notifications/in-process-notification-queue';
export * from './core/notifications/sealed-text';
export * from './core/attachments/filesystem-file-storage';
export * from './core/attachments/encrypted-file-storage';
export * from './core/security/key-rotation';
export * from './core/events/relayed-event-consumer';
export * from './core/webhooks/webhook-address-policy';
export * from './core/webhooks/webhook-resolver';
export * from './core/webhooks/dns-webhook-address.guard';
export * from './core/webhooks/http-webhook.sender';
export * from './core/webhooks/webhook-signature';
export * from './core/webhooks/webhook-delivery.poller';
