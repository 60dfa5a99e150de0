import { type DynamicModule, Module } from '@nestjs/common';
import { notificationJobHandlers } from '@primetrade/domain';
import { NotificationsInfrastructureModule } from '@primetrade/infrastructure';
import type { AppConfig } from '../config/app-config';

/**
 * Notification adapters from config (BullMQ with REDIS_URL, in-process otherwise; SMTP with
 * SMTP_URL, outbox otherwise) and, in the worker and all roles, the job handlers.
 */
@Module({})
export class NotificationsModule {
  static forRoot(config: AppConfig): DynamicModule {
    const processJobs = config.role !== 'api';
    return {
      module: NotificationsModule,
      imports: [
        NotificationsInfrastructureModule.forRoot({
          ...config.notifications,
          redis: config.redisUrl ? { url: config.redisUrl, prefix: config.redisPrefix } : undefined,
          smtp: config.mail.smtpUrl ? { url: config.mail.smtpUrl, from: config.mail.from } : undefined,
          processJobs,
          store: config.mongodb ? 'mongodb' : 'sqlite',
        }),
      ],
      providers: processJobs ? [...notificationJobHandlers] : [],
    };
  }
}
