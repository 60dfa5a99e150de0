import { Logger, type OnApplicationShutdown } from '@nestjs/common';
import { EventBus } from '@nestjs/cqrs';
import { type DomainEvent, DomainEventPublisher, IdGenerator } from '@primetrade/domain';
import { Redis } from 'ioredis';
import { redisOptionsFromUrl, type RedisSettings } from '../connection/redis-connection';
import { CorrelationContext } from '../../core/events/correlation-context';
import { decodeEvent, encodeEvent } from '../../core/events/event-codec';
import type { OutboxEvent } from '../../core/events/event-outbox';
import { EventRelaySink } from '../../core/events/event-relay-sink';
import { toStreamFields } from './event-envelope';
import { APPENDED_TTL_SECONDS, EventStreamKeys, PUBLISH_SCRIPT, STREAM_MAX_LENGTH } from './event-stream';

/** A command to Redis that gets no answer within this long fails (the relay retries later). */
const COMMAND_TIMEOUT_MS = 2000;
const CONNECT_WAIT_MS = 1000;

/**
 * The outbox relay's sink with Redis: appends each event to the Redis Stream (once per event id,
 * however often it is handed on), in order, then hands it to this process's EventBus (local
 * handlers: attachment clean-up, metrics). Nothing is buffered in memory: while Redis is
 * unreachable `deliver` fails at once and the events wait in the store's outbox.
 */
export class RedisStreamSink extends EventRelaySink implements OnApplicationShutdown {
  private readonly redis: Redis;
  private readonly keys: EventStreamKeys;

  constructor(
    settings: RedisSettings,
    private readonly bus: EventBus,
  ) {
    super();
    this.keys = new EventStreamKeys(settings);
    this.redis = new Redis({
      ...redisOptionsFromUrl(settings.url),
      connectionName: 'primetrade:events',
      enableOfflineQueue: false, // fail while disconnected: the outbox is the queue
      maxRetriesPerRequest: 0,
      commandTimeout: COMMAND_TIMEOUT_MS,
      retryStrategy: (times) => Math.min(times * 200, 2000),
    });
    this.redis.on('error', () => undefined);
  }

  async deliver(events: readonly OutboxEvent[]): Promise<void> {
    await this.connected();
    for (const event of events) {
      const ownerId = event.ownerId;
      const fields = toStreamFields({
        id: event.id,
        type: event.type,
        aggregateId: event.aggregateId,
        ownerId,
        occurredAt: event.occurredAt.toISOString(),
        correlationId: event.correlationId,
        payload: event.payload,
      });
      await this.redis.eval(
        PUBLISH_SCRIPT,
        3,
        this.keys.stream,
        this.keys.seq(ownerId || '_'),
        this.keys.appended(event.id),
        String(STREAM_MAX_LENGTH),
        ownerId,
        String(APPENDED_TTL_SECONDS),
        ...fields,
      );
      CorrelationContext.run(event.correlationId, () => this.bus.publish(decodeEvent(event)));
    }
  }

  onApplicationShutdown(): void {
    this.redis.disconnect();
  }

  /** Waits a moment for a connection being made (start-up, reconnect); fails if there is none. */
  private async connected(): Promise<void> {
    if (this.redis.status === 'ready') return;
    await new Promise<void>((resolve) => {
      const timer = setTimeout(done, CONNECT_WAIT_MS);
      function done() {
        clearTimeout(timer);
        resolve();
      }
      this.redis.once('ready', done);
    });
    const status: string = this.redis.status;
    if (status !== 'ready') throw new Error(`Redis is ${status}`);
  }
}

/**
 * Events a store without an outbox leaves to the handler (MongoDB's task and user writes today)
 * are handed to the sink at once: at most once — logged and dropped while Redis is unreachable.
 * Stores with an outbox (SQLite) leave nothing here.
 */
export class RedisStreamsEventPublisher extends DomainEventPublisher {
  private readonly logger = new Logger('EventStream');

  constructor(
    private readonly sink: RedisStreamSink,
    private readonly ids: IdGenerator,
  ) {
    super();
  }

  async publish(events: readonly DomainEvent[]): Promise<void> {
    if (events.length === 0) return;
    const correlationId = CorrelationContext.current();
    try {
      await this.sink.deliver(events.map((event) => encodeEvent(event, this.ids.next(), correlationId)));
    } catch (error) {
      this.logger.error(`${events.length} event(s) not appended (no outbox in this store): ${(error as Error).message}`);
    }
  }
}
