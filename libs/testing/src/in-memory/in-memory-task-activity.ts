import { Injectable } from '@nestjs/common';
import { COMPLETION_GAP_MS, type CompletionGap, TaskActivityReadModel, type TaskActivityCounts } from '@primetrade/domain';
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

  async completionGaps(ownerId: string, before: Date, limit: number): Promise<CompletionGap[]> {
    const times = [
      ...new Set([...this.store.tasks.values()].filter((t) => t.ownerId === ownerId && t.completedAt).map((t) => t.completedAt!.getTime())),
    ].sort((a, b) => a - b);
    const gaps: CompletionGap[] = [];
    times.forEach((t, i) => {
      const previous = i === 0 ? null : times[i - 1];
      if (previous === null || t - previous >= COMPLETION_GAP_MS)
        gaps.push({ from: previous === null ? null : new Date(previous), to: new Date(t) });
    });
    return gaps
      .filter((g) => g.to < before)
      .reverse()
      .slice(0, limit);
  }
}
