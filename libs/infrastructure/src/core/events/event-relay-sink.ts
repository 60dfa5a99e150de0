import type { OutboxEvent } from './event-outbox';

/**
 * Where the outbox relay hands events on: the in-process bus (embedded) or the Redis Stream
 * (scaled). `deliver` resolves once every event is handed on, in order, and rejects otherwise
 * (the relay tries again later from the first event not marked relayed). It may be called again
 * with events it already delivered (a crash before they were marked): consumers dedupe on `id`.
 */
export abstract class EventRelaySink {
  abstract deliver(events: readonly OutboxEvent[]): Promise<void>;
}
