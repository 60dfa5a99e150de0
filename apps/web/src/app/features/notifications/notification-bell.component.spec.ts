import { HttpTestingController } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { Router } from '@angular/router';
import { AppNotification } from '../../core/api/notification.types';
import { provideTestApp } from '../../testing/test-providers';
import { NotificationBellComponent } from './notification-bell.component';
import { NOTIFICATIONS_POLL_MS } from './notification.store';

const notification = (id: string, extra: Partial<AppNotification> = {}): AppNotification => ({
  id,
  type: 'task-overdue',
  taskId: `task-${id}`,
  taskTitle: `Task ${id}`,
  dueDate: '2030-01-01T00:00:00Z',
  createdAt: '2030-01-01T00:00:00Z',
  readAt: null,
  ...extra,
});

describe('NotificationBellComponent', () => {
  let backend: HttpTestingController;

  const setup = async () => {
    TestBed.configureTestingModule({
      imports: [NotificationBellComponent],
      providers: [...provideTestApp(), { provide: NOTIFICATIONS_POLL_MS, useValue: 0 }],
    });
    backend = TestBed.inject(HttpTestingController);
    const fixture = TestBed.createComponent(NotificationBellComponent);
    await fixture.whenStable();
    await new Promise((r) => setTimeout(r)); // the first poll is a timer(0)
    fixture.detectChanges(); // the resource asks on the next render (whenStable would wait for its answer)
    return fixture;
  };

  afterEach(() => backend.verify());

  it('shows the unread count on the bell and in its accessible name', async () => {
    const fixture = await setup();
    backend
      .expectOne('/api/v1/notifications?limit=10')
      .flush({ items: [notification('a'), notification('b', { readAt: '2030-01-02T00:00:00Z' })], nextCursor: null, unreadCount: 3 });
    await fixture.whenStable();
    const el: HTMLElement = fixture.nativeElement;
    expect(el.querySelector('[data-testid="notification-count"]')?.textContent?.trim()).toBe('3');
    expect(el.querySelector('button')?.getAttribute('aria-label')).toBe('Notifications, 3 unread');
  });

  it('marks a notification read when opened and goes to its task', async () => {
    const fixture = await setup();
    backend.expectOne('/api/v1/notifications?limit=10').flush({ items: [notification('a')], nextCursor: null, unreadCount: 1 });
    await fixture.whenStable();
    const navigate = jest.spyOn(TestBed.inject(Router), 'navigate').mockResolvedValue(true);

    (fixture.nativeElement as HTMLElement).querySelector('button')!.click(); // opens the menu, which refreshes
    fixture.detectChanges();
    backend.expectOne('/api/v1/notifications?limit=10').flush({ items: [notification('a')], nextCursor: null, unreadCount: 1 });
    await fixture.whenStable();
    const item = document.querySelector<HTMLButtonElement>('[data-testid="notification-item"]')!;
    expect(item.textContent).toContain('Task a');
    item.click();

    backend.expectOne({ method: 'POST', url: '/api/v1/notifications/a/read' }).flush(notification('a', { readAt: '2030-01-02T00:00:00Z' }));
    await fixture.whenStable();
    expect(navigate).toHaveBeenCalledWith(['/tasks', 'task-a', 'edit']);
    expect(fixture.nativeElement.querySelector('[data-testid="notification-count"]')).toBeNull();
    expect(fixture.nativeElement.querySelector('button')?.getAttribute('aria-label')).toBe('Notifications, none unread');
  });

  it('says a webhook was disabled and opens the webhook settings', async () => {
    const fixture = await setup();
    const disabled = notification('w', { type: 'webhook-disabled', taskId: 'hook-1', taskTitle: 'https://hooks.example.com/in' });
    backend.expectOne('/api/v1/notifications?limit=10').flush({ items: [disabled], nextCursor: null, unreadCount: 1 });
    await fixture.whenStable();
    const navigate = jest.spyOn(TestBed.inject(Router), 'navigate').mockResolvedValue(true);
    (fixture.nativeElement as HTMLElement).querySelector('button')!.click();
    fixture.detectChanges();
    backend.expectOne('/api/v1/notifications?limit=10').flush({ items: [disabled], nextCursor: null, unreadCount: 1 });
    await fixture.whenStable();
    const item = document.querySelector<HTMLButtonElement>('[data-testid="notification-item"]')!;
    expect(item.textContent).toContain('Webhook disabled');
    expect(item.textContent).toContain('https://hooks.example.com/in');
    item.click();
    backend.expectOne({ method: 'POST', url: '/api/v1/notifications/w/read' }).flush({ ...disabled, readAt: '2030-01-02T00:00:00Z' });
    await fixture.whenStable();
    expect(navigate).toHaveBeenCalledWith(['/settings', 'webhooks']);
  });
});
