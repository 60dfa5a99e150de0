import type { DomainEvent } from '@primetrade/domain';
import { DomainEventPublisher } from '@primetrade/domain';

/** Keeps every published event, in order, for assertions. */
export class RecordingEventPublisher extends DomainEventPublisher {
  readonly published: DomainEvent[] = [];
  /** How many publish() calls there were, including empty ones. */
  calls = 0;

  async publish(events: readonly DomainEvent[]): Promise<void> {
    this.calls++;
    this.published.push(...events);
  }

  types(): string[] {
    return this.published.map((e) => e.type);
  }

  clear(): void {
    this.published.length = 0;
    this.calls = 0;
  }
}
