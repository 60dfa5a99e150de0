import type { WebhookAttempt, WebhookDelivery, WebhookDeliveryStatus } from '../model/webhook-delivery';

/** A delivery due for an attempt: its id and how many attempts it had (job ids dedupe on both). */
export interface DueWebhookDelivery {
  id: string;
  attempts: number;
  at: Date;
}

/**
 * The durable queue of webhook deliveries, in the store. The store decides every race: an id is
 * inserted once, an attempt claims its delivery with a conditional write, and only the head of
 * each order key (one task at one endpoint) is ever due.
 */
export abstract class WebhookDeliveryStore {
  /** Inserts the deliveries whose ids are new; existing ids are left as they are. */
  abstract enqueue(deliveries: readonly WebhookDelivery[]): Promise<void>;
  /**
   * Takes the delivery for one attempt until `lockUntil`, if it is pending, due at `now` and not
   * held by another attempt; null otherwise.
   */
  abstract claim(id: string, now: Date, lockUntil: Date): Promise<WebhookDelivery | null>;
  /** Whether no earlier delivery of its order key is still pending. */
  abstract isHeadOfLine(delivery: WebhookDelivery): Promise<boolean>;
  /** Gives a claim back without an attempt (it was not its turn). */
  abstract release(id: string): Promise<void>;
  /** Appends the attempt, sets the status and the next attempt time, and drops the claim. */
  abstract finishAttempt(id: string, attempt: WebhookAttempt, status: WebhookDeliveryStatus, nextAttemptAt: Date | null): Promise<void>;
  /** The earliest pending delivery of an order key, if any. */
  abstract nextInLine(webhookId: string, orderKey: string): Promise<WebhookDelivery | null>;
  /** Pending deliveries due at `now`, unclaimed, each the head of its order key; soonest first. */
  abstract due(now: Date, limit: number): Promise<DueWebhookDelivery[]>;
  /** A webhook's deliveries, newest first. */
  abstract list(webhookId: string, limit: number): Promise<WebhookDelivery[]>;
  /** Deletes delivered and given-up deliveries created before `before` (pending ones stay); returns how many. */
  abstract prune(before: Date): Promise<number>;
}
