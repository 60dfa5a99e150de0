import { Injectable } from '@nestjs/common';
import { TaskActivityReadModel, type TaskActivityCounts } from '@primetrade/domain';
import { InMemoryStore } from './in-memory-store';

/** The period holding `at` among ascending boundaries, or -1 outside them. */
function periodOf(boundaries: readonly Date[], at: Date | null): number {
  if (at === null) return -1;
  const t = at.getTime();
  for (let i = 0; i < boundaries.length - 1; i++) if (t >= boundaries[i].getTime() && t < boundaries[i + 1].getTime()) return i;
  return -1;
}

@Injectable()
export class InMemoryTaskActivityReadModel extends TaskActivityReadModel {
  constructor(private readonly store: InMemoryStore) {
    super();
  }

  async activity(ownerId: string, boundaries: readonly Date[]): Promise<TaskActivityCounts> {
    const periods = Math.max(0, boundaries.length - 1);
    const counts: TaskActivityCounts = { created: new Array<number>(periods).fill(0), completed: new Array<number>(periods).fill(0) };
    for (const task of this.store.tasks.values()) {
      if (task.ownerId !== ownerId) continue;
      const created = periodOf(boundaries, task.createdAt);
      if (created >= 0) counts.created[created]++;
      const completed = task.status === 'completed' ? periodOf(boundaries, task.completedAt) : -1;
      if (completed >= 0) counts.completed[completed]++;
    }
    return counts;
  }
}
