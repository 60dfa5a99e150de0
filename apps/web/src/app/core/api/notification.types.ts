import type { listNotifications } from '@primetrade/api-client';
import type { ResponseOf } from './sdk-types';

export type NotificationPage = ResponseOf<typeof listNotifications>;
export type AppNotification = NotificationPage['items'][number];
