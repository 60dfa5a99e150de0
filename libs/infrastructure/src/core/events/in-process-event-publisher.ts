import { Injectable } from '@nestjs/common';
import { EventBus } from '@nestjs/cqrs';
import { type DomainEvent, DomainEventPublisher } from '@primetrade/domain';

/** Single-process mode: domain events go straight to the CQRS EventBus of this process. */
@Injectable()
export class InProcessEventPublisher extends DomainEventPublisher {
  constructor(private readonly bus: EventBus) {
    super();
  }

  async publish(events: readonly DomainEvent[]): Promise<void> {
    if (events.length > 0) this.bus.publishAll([...events]);
  }
}
