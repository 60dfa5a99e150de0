import type { DomainEvent } from './domain-event';

/** Collects the events an aggregate raises until the application layer publishes them. */
export abstract class AggregateRoot {
  private pending: DomainEvent[] = [];

  protected raise(event: DomainEvent): void {
    this.pending.push(event);
  }

  /** The raised events, left in place (a store that may retry its transaction reads them first). */
  peekEvents(): readonly DomainEvent[] {
    return [...this.pending];
  }

  /** Whether events were raised since the last pullEvents(). */
  hasPendingEvents(): boolean {
    return this.pending.length > 0;
  }

  /**
   * Returns the raised events and forgets them, so each is published once. A store with a
   * transactional outbox pulls them while it saves the aggregate (they commit together); the
   * handler then publishes whatever is left (nothing, with such a store).
   */
  pullEvents(): DomainEvent[] {
    const events = this.pending;
    this.pending = [];
    return events;
  }
}
