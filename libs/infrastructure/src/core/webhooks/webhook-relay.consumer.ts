import type { CommandBus } from '@nestjs/cqrs';
import { EnqueueWebhookDeliveriesCommand, type RelayedDomainEvent, webhookEventOf } from '@primetrade/domain';
import type { OutboxEvent } from '../events/event-outbox';
import { RelayedEventConsumer } from '../events/relayed-event-consumer';

/** The envelope fields; what is left of the payload is the event's own data. */
const ENVELOPE = new Set(['type', 'aggregateId', 'ownerId', 'occurredAt']);

/** Relayed task events become webhook deliveries (stored before the relay marks them). */
export class WebhookRelayConsumer extends RelayedEventConsumer {
  constructor(private readonly commands: CommandBus) {
    super();
  }

  async consume(events: readonly OutboxEvent[]): Promise<void> {
    const relevant = events.filter((e) => webhookEventOf(e.type) !== null);
    if (relevant.length === 0) return;
    await this.commands.execute(new EnqueueWebhookDeliveriesCommand(relevant.map(toRelayed)));
  }
}

function toRelayed(event: OutboxEvent): RelayedDomainEvent {
  const payload = JSON.parse(event.payload) as Record<string, unknown>;
  const data = Object.fromEntries(Object.entries(payload).filter(([key]) => !ENVELOPE.has(key)));
  return { id: event.id, type: event.type, aggregateId: event.aggregateId, ownerId: event.ownerId, occurredAt: event.occurredAt, data };
}
