import { Injectable, type OnApplicationShutdown } from '@nestjs/common';
import type { Redis } from 'ioredis';
import { MessagingHealth } from '../../core/platform/messaging-health';
import { createFailFastRedis, type RedisSettings } from './redis-connection';

/** Readiness ping on its own fail-fast connection. */
@Injectable()
export class RedisHealth extends MessagingHealth implements OnApplicationShutdown {
  readonly serviceName = 'redis';
  private readonly client: Redis;

  constructor(settings: RedisSettings) {
    super();
    this.client = createFailFastRedis(settings, 'health');
  }

  async ping(): Promise<void> {
    const answer = await this.client.ping();
    if (answer !== 'PONG') throw new Error(`unexpected answer ${answer}`);
  }

  onApplicationShutdown(): void {
    this.client.disconnect();
  }
}
