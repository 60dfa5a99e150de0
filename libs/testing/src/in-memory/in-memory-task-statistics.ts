import { Injectable } from '@nestjs/common';
import { DUE_SOON_WINDOW_MS, emptyTaskStats, OPEN_TASK_STATUSES, TaskStatistics, type TaskStats } from '@primetrade/domain';
import { InMemoryStore } from './in-memory-store';

@Injectable()
export class InMemoryTaskStatistics extends TaskStatistics {
  constructor(private readonly store: InMemoryStore) {
    super();
  }

  async overview(ownerId: string, now: Date): Promise<TaskStats> {
    const stats = emptyTaskStats();
    const nowMs = now.getTime();
    const soonMs = nowMs + DUE_SOON_WINDOW_MS;
    let completionSum = 0;
    let completedWithTime = 0;
    for (const task of this.store.tasks.values()) {
      if (task.ownerId !== ownerId) continue;
      stats.total++;
      stats.byStatus[task.status]++;
      stats.byPriority[task.priority]++;
      const due = task.dueDate?.getTime() ?? null;
      if (OPEN_TASK_STATUSES.includes(task.status) && due !== null) {
        if (due < nowMs) stats.overdue++;
        else if (due < soonMs) stats.dueSoon++;
      }
      // SQL's AVG skips NULLs: a completed task without a completion time does not count.
      if (task.status === 'completed' && task.completedAt !== null) {
        completionSum += task.completedAt.getTime() - task.createdAt.getTime();
        completedWithTime++;
      }
    }
    for (const task of this.store.archivedTasks.values()) if (task.ownerId === ownerId) stats.archived++;
    stats.completionRate = stats.total === 0 ? 0 : stats.byStatus.completed / stats.total;
    stats.averageCompletionMs = completedWithTime === 0 ? null : Math.round(completionSum / completedWithTime);
    return stats;
  }
}
