import type { WebhookEventType } from '../model/webhook-events';

/** The body of every delivery (Standard Webhooks' recommended shape): type, timestamp, data. */
export function webhookPayload(type: WebhookEventType, occurredAt: Date, data: Record<string, unknown>): string {
  return JSON.stringify({ type, timestamp: occurredAt.toISOString(), data });
}

/** The delivery id of one event at one endpoint: the same every time the event is relayed. */
export function deliveryIdOf(eventId: string, webhookId: string): string {
  return `msg_${eventId}_${webhookId}`;
}
