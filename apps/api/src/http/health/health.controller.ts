import { Controller, Get, Inject, Optional, UseFilters } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { HealthCheck, HealthCheckService, HealthIndicatorService, MemoryHealthIndicator } from '@nestjs/terminus';
import { SkipThrottle } from '@nestjs/throttler';
import { PersistenceHealth } from '@primetrade/domain';
import { MessagingHealth } from '@primetrade/infrastructure';
import { APP_CONFIG, type AppConfig } from '../../config/app-config';
import { Public } from '../auth/public.decorator';
import { ApiProblems } from '../problem/api-problems.decorator';
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
    /** Present only when the profile has a messaging service (Redis). */
    @Optional() private readonly messaging?: MessagingHealth,
  ) {}

  /** Liveness: the process answers. Never checks dependencies (a DB outage must not restart pods). */
  @Get('live')
  @ApiOperation({ summary: 'Liveness: the process answers (no dependency is checked)' })
  @ApiProblems(431)
  @HealthCheck()
  live() {
    return this.health.check([]);
  }

  /** Readiness: may this instance take traffic? */
  @Get('ready')
  @ApiOperation({ summary: 'Readiness: store, heap, messaging and lifecycle checked; 503 while any is down or draining' })
  @ApiProblems(431)
  @HealthCheck()
  ready() {
    return this.health.check([
      async () => {
        const indicator = this.indicators.check('lifecycle');
        return this.shutdown.isDraining ? indicator.down({ state: 'draining' }) : indicator.up({ state: 'serving' });
      },
      () => this.ping(this.persistence.storeName, this.persistence),
      () => this.memory.checkHeap('heap', this.config.heapLimitBytes),
      ...this.dependencies(),
    ]);
  }

  /** Services the profile adds to readiness (Redis in the scaled profile). */
  private dependencies() {
    const messaging = this.messaging;
    return messaging ? [() => this.ping(messaging.serviceName, messaging)] : [];
  }

  private async ping(name: string, service: { ping(): Promise<void> }) {
    const indicator = this.indicators.check(name);
    try {
      await service.ping();
      return indicator.up();
    } catch {
      return indicator.down({ message: 'ping failed' });
    }
  }
}
