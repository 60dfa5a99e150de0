import { Logger, type OnApplicationShutdown } from '@nestjs/common';
import { EventBus } from '@nestjs/cqrs';
import { type DomainEvent, DomainEventPublisher, IdGenerator } from '@primetrade/domain';
import { Redis } from 'ioredis';
import { redisOptionsFromUrl, type RedisSettings } from '../connection/redis-connection';
import { CorrelationContext } from '../../core/events/correlation-context';
import { ownerOf, toStreamFields } from './event-envelope';
import { EventStreamKeys, PUBLISH_SCRIPT, STREAM_MAX_LENGTH } from './event-stream';

/** How long a write waits for the stream before answering anyway (the append stays queued). */
const PUBLISH_WAIT_MS = 250;

/**
 * Appends domain events to a Redis Stream (durable; consumer groups read them at their pace)
 * and hands them to this process's EventBus as before. While Redis is unreachable the appends
 * wait in the client's offline queue and go out, in order, on reconnect; the write that raised
 * them is not failed or held up.
 */
export class RedisStreamsEventPublisher extends DomainEventPublisher implements OnApplicationShutdown {
  private readonly logger = new Logger('EventStream');
  private readonly redis: Redis;
  private readonly keys: EventStreamKeys;

  constructor(
    settings: RedisSettings,
    private readonly bus: EventBus,
    private readonly ids: IdGenerator,
  ) {
    super();
    this.keys = new EventStreamKeys(settings);
    this.redis = new Redis({
      ...redisOptionsFromUrl(settings.url),
      connectionName: 'primetrade:events',
      maxRetriesPerRequest: null, // keep commands until Redis is back
      retryStrategy: (times) => Math.min(times * 200, 2000),
    });
    this.redis.on('error', () => undefined);
  }

  async publish(events: readonly DomainEvent[]): Promise<void> {
    if (events.length === 0) return;
    const correlationId = CorrelationContext.current();
    const appends = events.map((event) => {
      const ownerId = ownerOf(event);
      const fields = toStreamFields({
        id: this.ids.next(),
        type: event.type,
        aggregateId: event.aggregateId,
        ownerId,
        occurredAt: event.occurredAt.toISOString(),
        correlationId,
        payload: JSON.stringify(event),
      });
      return this.redis
        .eval(PUBLISH_SCRIPT, 2, this.keys.stream, this.keys.seq(ownerId || '_'), String(STREAM_MAX_LENGTH), ownerId, ...fields)
        .catch((error: Error) => this.logger.error(`event ${event.type} not appended: ${error.message}`));
    });
    this.bus.publishAll([...events]);
    // Normally done in a millisecond, which gives read-your-writes to the statistics; during an
    // outage the request goes on and the queued appends follow later.
    await Promise.race([Promise.all(appends), new Promise((resolve) => setTimeout(resolve, PUBLISH_WAIT_MS).unref())]);
  }

  onApplicationShutdown(): void {
    // quit() sends what is still queued before closing, when Redis answers.
    void this.redis.quit().catch(() => this.redis.disconnect());
  }
}
