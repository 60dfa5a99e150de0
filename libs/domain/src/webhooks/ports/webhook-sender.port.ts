import type { WebhookSendResult } from '../model/webhook-delivery';

export interface WebhookMessage {
  url: string;
  /** `webhook-id`: the delivery's stable id. */
  id: string;
  /** `webhook-timestamp`: this attempt's time. */
  timestamp: Date;
  body: string;
  /** The endpoint's `whsec_` secret the signature is made with. */
  secret: string;
}

/**
 * Signs a message (Standard Webhooks) and POSTs it, once: no redirects followed, a bounded time,
 * a bounded read of the answer; the address checked again at connection time (DNS rebinding).
 */
export abstract class WebhookSender {
  abstract send(message: WebhookMessage): Promise<WebhookSendResult>;
}
