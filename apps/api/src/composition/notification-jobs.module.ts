import { type DynamicModule, Module } from '@nestjs/common';
import { notificationDeliveryHandlers } from '@primetrade/domain';
import type { AppConfig } from '../config/app-config';

/** The scan and delivery job handlers, in the worker and all-in-one roles (the queue itself comes with the messaging adapters). */
@Module({})
export class NotificationJobsModule {
  static forRoot(config: AppConfig): DynamicModule {
    return { module: NotificationJobsModule, providers: config.role === 'api' ? [] : [...notificationDeliveryHandlers] };
  }
}
