import type { DomainEvent } from '../model/domain-event';

/**
 * Publishes domain events after their aggregate was saved. In-process by default; the Redis
 * adapter carries them across processes.
 */
export abstract class DomainEventPublisher {
  abstract publish(events: readonly DomainEvent[]): Promise<void>;
}
