import { type DynamicModule, Module } from '@nestjs/common';
import { RedisHealth } from '@primetrade/infrastructure';
import type { AppConfig } from './config/app-config';

/** Redis-backed platform pieces shared across contexts; empty without REDIS_URL. */
@Module({})
export class RedisPlatformModule {
  static forRoot(config: AppConfig): DynamicModule {
    const url = config.redisUrl;
    if (!url) return { module: RedisPlatformModule };
    const providers = [{ provide: RedisHealth, useFactory: () => new RedisHealth({ url, prefix: config.redisPrefix }) }];
    return { module: RedisPlatformModule, global: true, providers, exports: [RedisHealth] };
  }
}
