import { Injectable } from '@nestjs/common';
import { EventBus } from '@nestjs/cqrs';
import { decodeEvent } from './event-codec';
import type { OutboxEvent } from './event-outbox';
import { EventRelaySink } from './event-relay-sink';
import { CorrelationContext } from './correlation-context';

/** Embedded mode: relayed events go to this process's CQRS EventBus, each under its request's correlation id. */
@Injectable()
export class InProcessRelaySink extends EventRelaySink {
  constructor(private readonly bus: EventBus) {
    super();
  }

  async deliver(events: readonly OutboxEvent[]): Promise<void> {
    for (const event of events) CorrelationContext.run(event.correlationId, () => this.bus.publish(decodeEvent(event)));
  }
}
