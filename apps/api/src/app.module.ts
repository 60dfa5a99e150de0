import { type DynamicModule, Module } from '@nestjs/common';
import { ConfigModule } from '@nestjs/config';
import { APP_FILTER, APP_GUARD, APP_PIPE } from '@nestjs/core';
import { CqrsModule } from '@nestjs/cqrs';
import { ThrottlerModule } from '@nestjs/throttler';
import { LoggerModule } from 'nestjs-pino';
import type { DestinationStream } from 'pino';
import { Clock, DomainEventPublisher, IdGenerator } from '@primetrade/domain';
import {
  EncryptionModule,
  InProcessEventPublisher,
  jwtKey,
  ResilientThrottlerStorage,
  SecurityModule,
  SystemClock,
  UuidV7IdGenerator,
} from '@primetrade/infrastructure';
import { APP_CONFIG, type AppConfig } from './config/app-config';
import { AttachmentsHttpModule } from './http/attachments/attachments-http.module';
import { JwtAuthGuard } from './http/auth/jwt-auth.guard';
import { HealthModule } from './http/health/health-http.module';
import { IdentityHttpModule } from './http/identity/identity-http.module';
import { loggerOptions } from './http/logging/logger-options';
import { ProblemDetailsFilter } from './http/problem/problem-details.filter';
import { createValidationPipe } from './http/problem/validation.pipe';
import { NotificationsHttpModule } from './http/notifications/notifications-http.module';
import { TasksHttpModule } from './http/tasks/tasks-http.module';
import { RateLimitGuard } from './http/throttling/rate-limit.guard';
import { throttlerOptions } from './http/throttling/throttler-options';
import { NotificationsModule } from './composition/notification-jobs.module';
import { ObservabilityModule } from './observability/observability.module';
import { persistenceModule } from './composition/persistence.module';
import { RedisPlatformModule, withProjectedStatistics } from './composition/redis-platform.module';

/** Cross-cutting adapters every context shares. */
@Module({})
class CoreModule {
  static forRoot(config: AppConfig): DynamicModule {
    const providers = [
      { provide: APP_CONFIG, useValue: config },
      { provide: Clock, useClass: SystemClock },
      { provide: IdGenerator, useClass: UuidV7IdGenerator },
      // With Redis, RedisPlatformModule publishes to Redis Streams instead.
      ...(config.redisUrl ? [] : [{ provide: DomainEventPublisher, useClass: InProcessEventPublisher }]),
    ];
    return { module: CoreModule, global: true, providers, exports: providers.map((p) => p.provide) };
  }
}

/** The composition root: validated config in, every port bound to an adapter. */
@Module({})
export class AppModule {
  static forRoot(config: AppConfig, logDestination?: DestinationStream): DynamicModule {
    if (!config.jwt.secret) throw new Error('AppModule needs a resolved JWT secret');
    if (!config.encryption) throw new Error('AppModule needs resolved encryption keys');
    return {
      module: AppModule,
      imports: [
        ConfigModule.forRoot({ isGlobal: true, ignoreEnvFile: true, load: [() => ({ app: config })] }),
        LoggerModule.forRoot(loggerOptions(config, logDestination)),
        CqrsModule.forRoot(),
        ObservabilityModule.forRoot(config),
        ThrottlerModule.forRoot({
          ...throttlerOptions(config.throttle),
          // Shared counters across replicas when Redis is configured.
          storage: config.redisUrl ? new ResilientThrottlerStorage({ url: config.redisUrl, prefix: config.redisPrefix }) : undefined,
        }),
        CoreModule.forRoot(config),
        EncryptionModule.forRoot(config.encryption),
        persistenceModule(config),
        SecurityModule.forRoot({
          key: jwtKey(config.jwt.secret),
          issuer: config.jwt.issuer,
          audience: config.jwt.audience,
          accessTtlSeconds: config.jwt.accessTtlSeconds,
          refreshTtlSeconds: config.jwt.refreshTtlSeconds,
        }),
        RedisPlatformModule.forRoot(config),
        NotificationsModule.forRoot(config),
        HealthModule,
        // The worker role serves health only: no user routes.
        ...(config.role === 'worker'
          ? []
          : [
              IdentityHttpModule,
              withProjectedStatistics(TasksHttpModule, config),
              NotificationsHttpModule,
              AttachmentsHttpModule.forRoot(config),
            ]),
      ],
      providers: [
        // Order matters: authenticate first so rate limits can key on the user.
        { provide: APP_GUARD, useClass: JwtAuthGuard },
        { provide: APP_GUARD, useClass: RateLimitGuard },
        { provide: APP_FILTER, useClass: ProblemDetailsFilter },
        { provide: APP_PIPE, useFactory: createValidationPipe },
      ],
    };
  }
}
