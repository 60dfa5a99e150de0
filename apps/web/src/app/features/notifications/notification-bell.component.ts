import { DatePipe } from '@angular/common';
import { ChangeDetectionStrategy, Component, computed, inject, OnInit } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatMenuModule } from '@angular/material/menu';
import { Router } from '@angular/router';
import { AppNotification } from '../../core/api/notification.types';
import { NotificationStore } from './notification.store';

/** The toolbar bell: unread count as a badge, the latest notifications in a menu. */
@Component({
  selector: 'pt-notification-bell',
  imports: [DatePipe, MatButtonModule, MatMenuModule],
  providers: [NotificationStore],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './notification-bell.component.html',
  styleUrl: './notification-bell.component.scss',
})
export class NotificationBellComponent implements OnInit {
  protected readonly store = inject(NotificationStore);
  private readonly router = inject(Router);

  protected readonly label = computed(() => {
    const n = this.store.unreadCount();
    return n ? `Notifications, ${n} unread` : 'Notifications, none unread';
  });

  ngOnInit(): void {
    this.store.start();
  }

  protected open(notification: AppNotification): void {
    this.store.markRead(notification);
    // A disabled webhook's notification names the webhook, not a task: its settings page.
    void this.router.navigate(
      notification.type === 'webhook-disabled' ? ['/settings', 'webhooks'] : ['/tasks', notification.taskId, 'edit'],
    );
  }
}
