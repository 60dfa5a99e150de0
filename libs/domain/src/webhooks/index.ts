// The webhooks context's public surface: endpoints that hear about changes to their owner's
// tasks, signed (Standard Webhooks) and delivered at least once, in order per task.
export * from './model/webhook-events';
export * from './model/webhook.errors';
export * from './model/webhook-url';
export * from './model/webhook.entity';
export * from './model/webhook-delivery';
export * from './model/webhook-delivery-policy';
export * from './ports/webhook.repository.port';
export * from './ports/webhook-delivery.store.port';
export * from './ports/webhook-sender.port';
export * from './ports/webhook-address-guard.port';
export * from './ports/webhook-secrets.port';
export * from './ports/webhook-delivery-queue.port';
export * from './application';
