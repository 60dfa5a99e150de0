import type { TaskPriority, TaskView } from '@primetrade/domain';
import ical from 'ical-generator';

/** RFC 5545 PRIORITY: 1 is the highest, 9 the lowest. */
const ICS_PRIORITY: Record<TaskPriority, number> = { urgent: 1, high: 3, medium: 5, low: 9 };

/**
 * The feed as RFC 5545 text: one event per task at its due time (UTC), with a UID stable across
 * polls (`<task id>@primetrade`), SEQUENCE from the task's version so calendars see updates, and
 * the task's status and priority.
 */
export function renderIcsFeed(tasks: readonly TaskView[], now: Date): string {
  const calendar = ical({
    name: 'Primetrade tasks',
    prodId: { company: 'Primetrade', product: 'Tasks', language: 'EN' },
    // Calendar applications poll; this is a hint of how often.
    ttl: 15 * 60,
  });
  for (const task of tasks) {
    if (!task.dueDate) continue;
    calendar.createEvent({
      id: `${task.id}@primetrade`,
      sequence: task.version,
      start: task.dueDate,
      stamp: now,
      lastModified: task.updatedAt,
      summary: task.title,
      description: task.description || undefined,
      priority: ICS_PRIORITY[task.priority],
      categories: [{ name: task.status }, ...task.tags.map((name) => ({ name }))],
      x: [{ key: 'X-PRIMETRADE-STATUS', value: task.status }],
    });
  }
  return calendar.toString();
}
