import { Logger, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { randomBytes } from 'node:crypto';
import { hostname } from 'node:os';
import { Redis } from 'ioredis';
import { redisOptionsFromUrl, type RedisSettings } from '../connection/redis-connection';
import { type EventEnvelope, fromStreamFields } from './event-envelope';
import { EventStreamKeys } from './event-stream';

export interface StreamConsumerOptions {
  group: string;
  /** Entries left unacknowledged this long by a consumer (say, one that died) are taken over. */
  claimIdleMs: number;
  /** Must be idempotent: an entry may be delivered more than once. */
  handle(redis: Redis, event: EventEnvelope): Promise<unknown>;
}

type Entries = [id: string, fields: string[]][];

/**
 * One consumer of a consumer group on the event stream. The group remembers what was read and
 * acknowledged, so events appended while every consumer is down are read when one comes back.
 */
export class StreamConsumer implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger: Logger;
  private readonly redis: Redis;
  private readonly keys: EventStreamKeys;
  private readonly name = `${hostname()}-${process.pid}-${randomBytes(3).toString('hex')}`;
  private running = false;
  private loop?: Promise<void>;

  constructor(
    settings: RedisSettings,
    private readonly options: StreamConsumerOptions,
  ) {
    this.logger = new Logger(`StreamConsumer:${options.group}`);
    this.keys = new EventStreamKeys(settings);
    this.redis = new Redis({
      ...redisOptionsFromUrl(settings.url),
      connectionName: `primetrade:consumer:${options.group}`,
      maxRetriesPerRequest: null,
      retryStrategy: (n) => Math.min(n * 200, 2000),
    });
    this.redis.on('error', () => undefined);
  }

  onApplicationBootstrap(): void {
    this.running = true;
    this.loop = this.run();
  }

  private async run(): Promise<void> {
    let grouped = false;
    while (this.running) {
      try {
        if (!grouped) grouped = await this.ensureGroup();
        const [, claimed] = (await this.redis.xautoclaim(
          this.keys.stream,
          this.options.group,
          this.name,
          this.options.claimIdleMs,
          '0-0',
          'COUNT',
          100,
        )) as [string, Entries];
        await this.handleAll(claimed);
        const read = (await this.redis.xreadgroup(
          'GROUP',
          this.options.group,
          this.name,
          'COUNT',
          100,
          'BLOCK',
          1000,
          'STREAMS',
          this.keys.stream,
          '>',
        )) as [string, Entries][] | null;
        await this.handleAll(read?.[0]?.[1] ?? []);
      } catch (error) {
        if (!this.running) break;
        this.logger.warn(`stream read failed, retrying: ${(error as Error).message}`);
        grouped = false;
        await new Promise((r) => setTimeout(r, 1000));
      }
    }
  }

  private async ensureGroup(): Promise<boolean> {
    try {
      await this.redis.xgroup('CREATE', this.keys.stream, this.options.group, '0', 'MKSTREAM');
    } catch (error) {
      if (!String((error as Error).message).includes('BUSYGROUP')) throw error;
    }
    return true;
  }

  private async handleAll(entries: Entries): Promise<void> {
    for (const [id, fields] of entries) {
      if (!fields) continue; // deleted by trimming while pending
      try {
        await this.options.handle(this.redis, fromStreamFields(fields));
      } catch (error) {
        // Left pending: taken over and retried after claimIdleMs, without blocking the rest.
        this.logger.error(`event ${id} not handled: ${(error as Error).message}`);
        if (this.redis.status !== 'ready') throw error;
        continue;
      }
      await this.redis.xack(this.keys.stream, this.options.group, id);
    }
  }

  async onApplicationShutdown(): Promise<void> {
    this.running = false;
    this.redis.disconnect(); // interrupts a blocking read
    await this.loop?.catch(() => undefined);
  }
}
