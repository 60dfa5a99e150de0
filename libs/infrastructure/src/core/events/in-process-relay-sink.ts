import { Injectable, Optional } from '@nestjs/common';
import { EventBus } from '@nestjs/cqrs';
import { decodeEvent } from './event-codec';
import type { OutboxEvent } from './event-outbox';
import { EventRelaySink } from './event-relay-sink';
import { CorrelationContext } from './correlation-context';
import { RelayedEventConsumer } from './relayed-event-consumer';

/**
 * Embedded mode: relayed events go to this process's CQRS EventBus, each under its request's
 * correlation id, after the durable consumer (webhook deliveries) has stored what it needs.
 */
@Injectable()
export class InProcessRelaySink extends EventRelaySink {
  constructor(
    private readonly bus: EventBus,
    @Optional() private readonly durable?: RelayedEventConsumer,
  ) {
    super();
  }

  async deliver(events: readonly OutboxEvent[]): Promise<void> {
    // The durable consumer first: if it fails, the batch stays in the outbox and comes again.
    if (this.durable) await this.durable.consume(events);
    for (const event of events) CorrelationContext.run(event.correlationId, () => this.bus.publish(decodeEvent(event)));
  }
}
