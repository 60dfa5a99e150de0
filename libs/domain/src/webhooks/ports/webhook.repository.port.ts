import type { Webhook } from '../model/webhook.entity';
import type { WebhookEventType } from '../model/webhook-events';

/** What a failed attempt did to its endpoint. */
export type WebhookFailureOutcome = 'failing' | 'disabled';

/** Users' webhook endpoints; secrets sealed at rest by the adapters. */
export abstract class WebhookRepository {
  abstract insert(webhook: Webhook): Promise<void>;
  /** Saves url, events, enabled and the failure state of a webhook the caller read. */
  abstract update(webhook: Webhook): Promise<void>;
  /** The owner's webhook, or null (someone else's is null too). */
  abstract findOwned(ownerId: string, id: string): Promise<Webhook | null>;
  /** Any owner's webhook (the delivery worker's look-up). */
  abstract findById(id: string): Promise<Webhook | null>;
  /** The owner's webhooks, oldest first. */
  abstract listOwned(ownerId: string): Promise<Webhook[]>;
  /** Deletes the owner's webhook and its deliveries; false when there was none. */
  abstract delete(ownerId: string, id: string): Promise<boolean>;
  /** The owner's enabled webhooks subscribed to `event` that existed at `occurredAt`. */
  abstract subscribers(ownerId: string, event: WebhookEventType, occurredAt: Date): Promise<Webhook[]>;
  /**
   * Records a failed attempt: the endpoint is failing from `now` unless it already was; if it has
   * been failing since `disableIfFailingSince` or before and is still enabled, it is disabled in
   * the same conditional write, so exactly one caller sees `disabled`.
   */
  abstract recordFailure(id: string, now: Date, disableIfFailingSince: Date): Promise<WebhookFailureOutcome>;
  /** The endpoint answered: it is no longer failing. */
  abstract recordSuccess(id: string): Promise<void>;
}
