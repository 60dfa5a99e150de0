import { type DynamicModule, Module } from '@nestjs/common';
import { APP_FILTER, APP_GUARD, APP_PIPE } from '@nestjs/core';
import { CqrsModule } from '@nestjs/cqrs';
import { type ThrottlerStorage, ThrottlerModule } from '@nestjs/throttler';
import { LoggerModule } from 'nestjs-pino';
import type { Logger as PinoLogger } from 'pino';
import { EncryptionModule, RATE_LIMIT_STORAGE } from '@primetrade/infrastructure';
import { AdaptersModule } from './composition/adapters.module';
import { CoreModule } from './composition/core.module';
import { NotificationJobsModule } from './composition/notification-jobs.module';
import { WebhooksModule } from './composition/webhooks.module';
import type { AppConfig } from './config/app-config';
import { AttachmentsHttpModule } from './http/attachments/attachments-http.module';
import { CalendarHttpModule } from './http/calendar/calendar-http.module';
import { JwtAuthGuard } from './http/auth/jwt-auth.guard';
import { DocsHttpModule } from './http/docs/docs-http.module';
import { HealthHttpModule } from './http/health/health-http.module';
import { IdentityHttpModule } from './http/identity/identity-http.module';
import { loggerModuleParams } from './http/logging/logger-options';
import { NotificationsHttpModule } from './http/notifications/notifications-http.module';
import { ProblemDetailsFilter } from './http/problem/problem-details.filter';
import { createValidationPipe } from './http/problem/validation.pipe';
import { TasksHttpModule } from './http/tasks/tasks-http.module';
import { WebhooksHttpModule } from './http/webhooks/webhooks-http.module';
import { RateLimitGuard } from './http/throttling/rate-limit.guard';
import { throttlerOptions } from './http/throttling/throttler-options';
import { ObservabilityModule } from './observability/observability.module';

/**
 * The composition root: validated config in, every port bound to an adapter of the deployment
 * profile (composition/), then the driving side: HTTP modules per context, guards, filter, pipe.
 */
@Module({})
export class AppModule {
  static forRoot(config: AppConfig, logger: PinoLogger): DynamicModule {
    if (!config.encryption) throw new Error('AppModule needs resolved encryption keys');
    return {
      module: AppModule,
      imports: [
        LoggerModule.forRoot(loggerModuleParams(logger)),
        CqrsModule.forRoot(),
        CoreModule.forRoot(config),
        EncryptionModule.forRoot(config.encryption),
        // A promise: the technology modules of the profile are loaded on demand (see composition/).
        AdaptersModule.forRoot(config),
        ObservabilityModule.forRoot(config),
        ThrottlerModule.forRootAsync({
          // Shared counters across replicas when the profile provides them (Redis).
          inject: [{ token: RATE_LIMIT_STORAGE, optional: true }],
          useFactory: (storage?: ThrottlerStorage) => ({ ...throttlerOptions(config.throttle), storage }),
        }),
        NotificationJobsModule.forRoot(config),
        WebhooksModule.forRoot(config),
        HealthHttpModule,
        // The worker role serves health only: no user routes.
        ...(config.role === 'worker'
          ? []
          : [
              IdentityHttpModule,
              TasksHttpModule,
              NotificationsHttpModule,
              AttachmentsHttpModule.forRoot(config),
              CalendarHttpModule,
              WebhooksHttpModule,
              DocsHttpModule,
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
