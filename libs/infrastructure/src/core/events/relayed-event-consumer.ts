import type { OutboxEvent } from './event-outbox';

/**
 * A consumer of relayed events that must have done its work before an event counts as relayed
 * (the webhooks' delivery records): the in-process sink awaits it before the relay marks the
 * batch, and with Redis it reads the stream in its own consumer group, acknowledging after it.
 * Idempotent on the event id: a crash between its work and the mark hands it the events again.
 */
export abstract class RelayedEventConsumer {
  abstract consume(events: readonly OutboxEvent[]): Promise<void>;
}
