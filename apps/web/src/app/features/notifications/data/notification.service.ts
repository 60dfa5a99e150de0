import { inject, Injectable } from '@angular/core';
import { Api, listNotifications, markNotificationRead } from '@primetrade/api-client';
import { map, Observable } from 'rxjs';
import { AppNotification, NotificationPage } from '../../../core/api/notification.types';

/** The data access of notifications: every call through the generated SDK. */
@Injectable({ providedIn: 'root' })
export class NotificationService {
  private readonly api = inject(Api);

  latest(limit: number): Observable<NotificationPage> {
    return this.api.invoke(listNotifications, { limit });
  }

  markRead(notification: AppNotification): Observable<void> {
    return this.api.invoke(markNotificationRead, { id: notification.id }).pipe(map(() => undefined));
  }
}
