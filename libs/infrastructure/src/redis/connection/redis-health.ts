import { Injectable, type OnApplicationShutdown } from '@nestjs/common';
import type { Redis } from 'ioredis';
import { createFailFastRedis, type RedisSettings } from './redis-connection';

/** Readiness ping on its own fail-fast connection. */
@Injectable()
export class RedisHealth implements OnApplicationShutdown {
  private readonly client: Redis;

  constructor(settings: RedisSettings) {
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
