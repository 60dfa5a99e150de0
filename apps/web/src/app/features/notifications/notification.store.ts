import { DestroyRef, inject, Injectable, InjectionToken, signal } from '@angular/core';
import { takeUntilDestroyed } from '@angular/core/rxjs-interop';
import { Api, listNotifications, markNotificationRead } from '@primetrade/api-client';
import { catchError, EMPTY, Subject, switchMap, timer } from 'rxjs';
import { AppNotification } from '../../core/api/notification.types';
import { createCallState } from '../../core/http/call-state';
import { toProblem } from '../../core/http/problem';

/** How often the bell asks for new notifications; a token so tests can turn polling off. */
export const NOTIFICATIONS_POLL_MS = new InjectionToken<number>('NOTIFICATIONS_POLL_MS', {
  providedIn: 'root',
  factory: () => 60_000,
});

const PAGE = 10;

/** Unread count and the latest notifications, polled while the signed-in shell is open. */
@Injectable()
export class NotificationStore {
  private readonly api = inject(Api);
  private readonly destroyRef = inject(DestroyRef);
  private readonly refresh$ = new Subject<void>();
  private readonly pollMs = inject(NOTIFICATIONS_POLL_MS);

  readonly items = signal<AppNotification[]>([]);
  readonly unreadCount = signal(0);
  readonly call = createCallState();

  constructor() {
    this.refresh$
      .pipe(
        switchMap(() => {
          this.call.setLoading();
          return this.api.invoke(listNotifications, { limit: PAGE }).pipe(
            catchError((error: unknown) => {
              this.call.setProblem(toProblem(error));
              return EMPTY;
            }),
          );
        }),
        takeUntilDestroyed(this.destroyRef),
      )
      .subscribe((page) => {
        this.items.set(page.items);
        this.unreadCount.set(page.unreadCount);
        this.call.setLoaded();
      });
  }

  /** Starts polling; a period of 0 loads once. */
  start(): void {
    const period = this.pollMs;
    (period > 0 ? timer(0, period) : timer(0)).pipe(takeUntilDestroyed(this.destroyRef)).subscribe(() => this.refresh());
  }

  refresh(): void {
    this.refresh$.next();
  }

  markRead(notification: AppNotification): void {
    if (notification.readAt) return;
    // Optimistic: the bell updates at once; a failed call is corrected by the next poll.
    const readAt = new Date().toISOString();
    this.items.update((items) => items.map((n) => (n.id === notification.id ? { ...n, readAt } : n)));
    this.unreadCount.update((n) => Math.max(0, n - 1));
    this.api
      .invoke(markNotificationRead, { id: notification.id })
      .pipe(takeUntilDestroyed(this.destroyRef))
      .subscribe({ error: () => this.refresh() });
  }
}
