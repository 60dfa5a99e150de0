import type { DueWebhookDelivery } from './webhook-delivery.store.port';

/**
 * Hands deliveries to whatever runs their attempts at their time: the embedded store's own
 * polling loop, or BullMQ. Scheduling one twice is harmless (the store's claim decides).
 */
export abstract class WebhookDeliveryQueue {
  abstract schedule(deliveries: readonly DueWebhookDelivery[]): Promise<void>;
}
