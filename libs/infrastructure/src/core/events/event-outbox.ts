import type { DomainEvent } from '@primetrade/domain';

/** A domain event as kept in a store's outbox until the relay has handed it on. */
export interface OutboxEvent {
  /** Unique per event (UUIDv7), kept across relays: consumers dedupe on it. */
  id: string;
  type: string;
  aggregateId: string;
  /** The owner whose read models the event touches ('' when none). */
  ownerId: string;
  occurredAt: Date;
  correlationId: string;
  /** The event as JSON (dates as ISO strings); personal data left out (see encodeEvent). */
  payload: string;
}

/**
 * The store's transactional outbox (token bound by each store module that has one). Events get
 * in with the change that raised them — inside the store's own write — and out through the
 * relay, oldest first.
 */
export abstract class EventOutbox {
  /** Up to `limit` events not yet relayed, in the order they were written. */
  abstract pending(limit: number): Promise<OutboxEvent[]>;
  /** Marks these events relayed (they are kept a while for inspection, then pruned). */
  abstract markRelayed(ids: readonly string[], at: Date): Promise<void>;
  /** Whether the owner has events not relayed yet (a projection of them is then behind). */
  abstract hasPending(ownerId: string): Promise<boolean>;
  /**
   * Takes or renews the relay lease for `holder` until `until`; false while another holder's
   * lease runs. One relay at a time keeps the order across processes sharing the store.
   */
  abstract acquireLease(holder: string, now: Date, until: Date): Promise<boolean>;
  /** Gives the lease up (shutdown), so another process takes over at once. */
  abstract releaseLease(holder: string): Promise<void>;
  /** Deletes relayed events older than `before`; returns how many. */
  abstract prune(before: Date): Promise<number>;
  /** Calls `listener` after this process wrote events (so the relay need not wait for its tick). */
  abstract onAppended(listener: () => void): void;
}

export type { DomainEvent };
