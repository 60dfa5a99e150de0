import type { WebhookEventType } from './webhook-events';

export const WEBHOOK_DELIVERY_STATUSES = ['pending', 'delivered', 'failed'] as const;
export type WebhookDeliveryStatus = (typeof WEBHOOK_DELIVERY_STATUSES)[number];

/** One try at handing a delivery to its endpoint. */
export interface WebhookAttempt {
  at: Date;
  /** The endpoint's HTTP status; null when none came (timeout, connection error, refused address). */
  statusCode: number | null;
  durationMs: number;
  /** Why it failed without a status (or null). */
  error: string | null;
}

/**
 * One event for one endpoint. Its id is stable per (event, endpoint) — it is the `webhook-id`
 * receivers de-duplicate on, and the store's key, so a replayed event enqueues nothing twice.
 */
export interface WebhookDelivery {
  id: string;
  webhookId: string;
  ownerId: string;
  eventType: WebhookEventType;
  /** Deliveries with the same key (one task, at one endpoint) go out in `sequence` order. */
  orderKey: string;
  /** Orders the deliveries of one key: the event id (time-ordered). */
  sequence: string;
  /** The exact body sent on every attempt (JSON). */
  payload: string;
  status: WebhookDeliveryStatus;
  attempts: WebhookAttempt[];
  /** When the next attempt is due; null once delivered or given up. */
  nextAttemptAt: Date | null;
  createdAt: Date;
}

/** The result of one HTTP attempt, as the sender saw it. */
export type WebhookSendResult =
  | { kind: 'response'; statusCode: number; durationMs: number }
  /** No answer in time, or the connection failed or broke: worth trying again. */
  | { kind: 'timeout' | 'network'; durationMs: number; error: string }
  /** The address is not one the server calls (checked again at delivery time): never retried. */
  | { kind: 'refused'; durationMs: number; error: string };

export type AttemptVerdict = 'delivered' | 'retry' | 'give-up';

/**
 * 2xx delivers; timeouts, connection errors and 5xx are retried; any other answer (4xx, and 3xx,
 * since redirects are not followed) and a refused address are final.
 */
export function verdictOf(result: WebhookSendResult): AttemptVerdict {
  switch (result.kind) {
    case 'response':
      if (result.statusCode >= 200 && result.statusCode < 300) return 'delivered';
      return result.statusCode >= 500 ? 'retry' : 'give-up';
    case 'timeout':
    case 'network':
      return 'retry';
    case 'refused':
      return 'give-up';
  }
}

export function attemptOf(result: WebhookSendResult, at: Date): WebhookAttempt {
  return {
    at,
    statusCode: result.kind === 'response' ? result.statusCode : null,
    durationMs: result.durationMs,
    error: result.kind === 'response' ? null : result.error,
  };
}
