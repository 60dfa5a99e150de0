import type { Webhook } from '../model/webhook.entity';
import type { WebhookEventType } from '../model/webhook-events';

/** A webhook as its owner sees it: every field but the secret (shown once, at creation). */
export interface WebhookView {
  id: string;
  url: string;
  events: WebhookEventType[];
  enabled: boolean;
  createdAt: Date;
  failingSince: Date | null;
  disabledAt: Date | null;
}

export function toWebhookView(webhook: Webhook): WebhookView {
  return {
    id: webhook.id,
    url: webhook.url,
    events: [...webhook.events],
    enabled: webhook.enabled,
    createdAt: webhook.createdAt,
    failingSince: webhook.failingSince,
    disabledAt: webhook.disabledAt,
  };
}
