import { Module } from '@nestjs/common';
import { notificationInboxHandlers } from '@primetrade/domain';
import { NotificationsController } from './notifications.controller';
import { PreferencesController } from './preferences.controller';

/** Notifications context at the HTTP edge (api and all roles). */
@Module({
  controllers: [NotificationsController, PreferencesController],
  providers: [...notificationInboxHandlers],
})
export class NotificationsHttpModule {}
