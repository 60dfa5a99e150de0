import { type DueTask, DueTaskScanner, OPEN_TASK_STATUSES, UserPreferences } from '@primetrade/domain';
import type { InMemoryUserPreferencesRepository } from './in-memory-user-preferences.repository';
import type { InMemoryNotificationRepository } from './in-memory-notification.repository';
import type { InMemoryStore } from './in-memory-store';

/** The scan over the in-memory rows: open tasks due by `until`, earliest first, without the notice yet. */
export class InMemoryDueTaskScanner extends DueTaskScanner {
  constructor(
    private readonly store: InMemoryStore,
    private readonly notifications: InMemoryNotificationRepository,
    private readonly preferences?: InMemoryUserPreferencesRepository,
  ) {
    super();
  }

  async findDue(now: Date, until: Date, limit: number): Promise<DueTask[]> {
    return [...this.store.tasks.values()]
      .filter((t) => OPEN_TASK_STATUSES.includes(t.status) && t.dueDate !== null && t.dueDate.getTime() <= until.getTime())
      .sort((a, b) => a.dueDate!.getTime() - b.dueDate!.getTime() || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0))
      .map((t): DueTask => ({
        taskId: t.id,
        ownerId: t.ownerId,
        type: t.dueDate!.getTime() <= now.getTime() ? 'task-overdue' : 'task-due',
        dueDate: new Date(t.dueDate!.getTime()),
      }))
      .filter((d) => d.type === 'task-overdue' || this.withinLead(d, now))
      .filter((d) => !this.notifications.has(d.type, d.taskId))
      .slice(0, limit);
  }

  private withinLead(d: DueTask, now: Date): boolean {
    const by = (this.preferences?.rows.get(d.ownerId) ?? UserPreferences.defaults(d.ownerId)).dueSoonBy(now);
    return by !== null && d.dueDate.getTime() <= by.getTime();
  }
}
