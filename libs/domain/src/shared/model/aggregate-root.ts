import type { DomainEvent } from './domain-event';

/** Collects the events an aggregate raises until the application layer publishes them. */
export abstract class AggregateRoot {
  private pending: DomainEvent[] = [];

  protected raise(event: DomainEvent): void {
    this.pending.push(event);
  }

  /** Returns the raised events and forgets them, so each is published once. */
  pullEvents(): DomainEvent[] {
    const events = this.pending;
    this.pending = [];
    return events;
  }
}
