import { Controller, Get, Inject, Optional, UseFilters } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { HealthCheck, HealthCheckService, HealthIndicatorService, MemoryHealthIndicator } from '@nestjs/terminus';
import { SkipThrottle } from '@nestjs/throttler';
import { PersistenceHealth } from '@primetrade/domain';
import { RedisHealth } from '@primetrade/infrastructure';
import { APP_CONFIG, type AppConfig } from '../../config/app-config';
import { Public } from '../auth/public.decorator';
import { HealthCheckFilter } from './health-check.filter';
import { ShutdownState } from './shutdown-state';

/** Kubernetes probes: not versioned, not throttled, no auth. */
@ApiTags('health')
@Public()
@SkipThrottle()
@UseFilters(HealthCheckFilter)
@Controller({ path: 'health' })
export class HealthController {
  constructor(
    private readonly health: HealthCheckService,
    private readonly indicators: HealthIndicatorService,
    private readonly memory: MemoryHealthIndicator,
    private readonly persistence: PersistenceHealth,
    private readonly shutdown: ShutdownState,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    /** Present only when REDIS_URL is set. */
    @Optional() private readonly redis?: RedisHealth,
  ) {}

  /** Liveness: the process answers. Never checks dependencies (a DB outage must not restart pods). */
  @Get('live')
  @HealthCheck()
  live() {
    return this.health.check([]);
  }

  /** Readiness: may this instance take traffic? */
  @Get('ready')
  @HealthCheck()
  ready() {
    return this.health.check([
      async () => {
        const indicator = this.indicators.check('lifecycle');
        return this.shutdown.isDraining ? indicator.down({ state: 'draining' }) : indicator.up({ state: 'serving' });
      },
      async () => {
        const indicator = this.indicators.check(this.persistence.storeName);
        try {
          await this.persistence.ping();
          return indicator.up();
        } catch {
          return indicator.down({ message: 'ping failed' });
        }
      },
      () => this.memory.checkHeap('heap', this.config.heapLimitBytes),
      ...(this.redis ? [() => this.pingRedis(this.redis as RedisHealth)] : []),
    ]);
  }

  private async pingRedis(redis: RedisHealth) {
    const indicator = this.indicators.check('redis');
    try {
      await redis.ping();
      return indicator.up();
    } catch {
      return indicator.down({ message: 'ping failed' });
    }
  }
}
