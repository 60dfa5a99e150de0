import { computed, DestroyRef, inject, Injectable, InjectionToken, linkedSignal, signal } from '@angular/core';
import { rxResource, takeUntilDestroyed } from '@angular/core/rxjs-interop';
import { timer } from 'rxjs';
import { AppNotification } from '../../core/api/notification.types';
import { ConnectivityService } from '../../core/http/connectivity';
import { toProblem } from '../../core/http/problem';
import { NotificationService } from './data/notification.service';

/** How often the bell asks for new notifications; a token so tests can turn polling off. */
export const NOTIFICATIONS_POLL_MS = new InjectionToken<number>('NOTIFICATIONS_POLL_MS', {
  providedIn: 'root',
  factory: () => 60_000,
});

const PAGE = 10;

/** Unread count and the latest notifications, polled while the signed-in shell is open. */
@Injectable()
export class NotificationStore {
  private readonly notifications = inject(NotificationService);
  private readonly connectivity = inject(ConnectivityService);
  private readonly destroyRef = inject(DestroyRef);
  private readonly pollMs = inject(NOTIFICATIONS_POLL_MS);
  /** Bumped by the poll timer and by opening the menu; 0 = not started. */
  private readonly tick = signal(0);

  private readonly latest = rxResource({
    params: () => {
      const tick = this.tick();
      // undefined keeps the resource idle until start().
      return tick ? { tick, retry: this.connectivity.retryTick() } : undefined;
    },
    stream: () => this.notifications.latest(PAGE),
  });

  /** Last loaded values, kept while the next poll loads; marked read optimistically. */
  readonly items = linkedSignal<AppNotification[] | undefined, AppNotification[]>({
    source: () => (this.latest.hasValue() ? this.latest.value().items : undefined),
    computation: (items, previous) => items ?? previous?.value ?? [],
  });
  readonly unreadCount = linkedSignal<number | undefined, number>({
    source: () => (this.latest.hasValue() ? this.latest.value().unreadCount : undefined),
    computation: (count, previous) => count ?? previous?.value ?? 0,
  });
  readonly loading = this.latest.isLoading;
  readonly problem = computed(() => (this.latest.error() ? toProblem(this.latest.error()) : null));

  /** Starts polling; a period of 0 loads once. */
  start(): void {
    const period = this.pollMs;
    (period > 0 ? timer(0, period) : timer(0)).pipe(takeUntilDestroyed(this.destroyRef)).subscribe(() => this.refresh());
  }

  refresh(): void {
    this.tick.update((n) => n + 1);
  }

  markRead(notification: AppNotification): void {
    if (notification.readAt) return;
    // Optimistic: the bell updates at once; a failed call is corrected by a refresh.
    const readAt = new Date().toISOString();
    this.items.update((items) => items.map((n) => (n.id === notification.id ? { ...n, readAt } : n)));
    this.unreadCount.update((n) => Math.max(0, n - 1));
    this.notifications
      .markRead(notification)
      .pipe(takeUntilDestroyed(this.destroyRef))
      .subscribe({ error: () => this.refresh() });
  }
}
