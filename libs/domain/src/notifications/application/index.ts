import { DeliverNotificationHandler } from './commands/deliver-notification/deliver-notification.handler';
import { MarkNotificationReadHandler } from './commands/mark-notification-read/mark-notification-read.handler';
import { ScanDueTasksHandler } from './commands/scan-due-tasks/scan-due-tasks.handler';
import { ListNotificationsHandler } from './queries/list-notifications/list-notifications.handler';
import { GetPreferencesHandler } from './queries/get-preferences/get-preferences.handler';
import { UpdatePreferencesHandler } from './commands/update-preferences/update-preferences.handler';
import { DailyDigestSender } from './daily-digest-sender';

export * from './notification.view';
export * from './preferences.view';
export * from './queries/get-preferences/get-preferences.query';
export * from './commands/update-preferences/update-preferences.command';
export { digestMessage } from './daily-digest-sender';
export * from './commands/scan-due-tasks/scan-due-tasks.command';
export * from './commands/deliver-notification/deliver-notification.command';
export * from './commands/mark-notification-read/mark-notification-read.command';
export * from './queries/list-notifications/list-notifications.query';
export {
  ScanDueTasksHandler,
  DeliverNotificationHandler,
  MarkNotificationReadHandler,
  ListNotificationsHandler,
  GetPreferencesHandler,
  UpdatePreferencesHandler,
  DailyDigestSender,
};

/** What users call over HTTP (every role that serves the API). */
export const notificationInboxHandlers = [
  ListNotificationsHandler,
  MarkNotificationReadHandler,
  GetPreferencesHandler,
  UpdatePreferencesHandler,
];
/** What background workers run. */
export const notificationDeliveryHandlers = [ScanDueTasksHandler, DeliverNotificationHandler, DailyDigestSender];
