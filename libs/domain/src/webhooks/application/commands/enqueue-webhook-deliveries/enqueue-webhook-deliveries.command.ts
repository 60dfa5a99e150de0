import { Command } from '@nestjs/cqrs';

/** A domain event as relayed from the store's outbox (its id is stable across relays). */
export interface RelayedDomainEvent {
  id: string;
  type: string;
  aggregateId: string;
  ownerId: string;
  occurredAt: Date;
  /** The event's own fields (personal data already left out by the outbox). */
  data: Record<string, unknown>;
}

/**
 * Records one delivery per (event, subscribed endpoint), idempotently: the relay hands events on
 * at least once, and a replay inserts nothing new. Resolves once the deliveries are stored.
 */
export class EnqueueWebhookDeliveriesCommand extends Command<number> {
  constructor(readonly events: readonly RelayedDomainEvent[]) {
    super();
  }
}
