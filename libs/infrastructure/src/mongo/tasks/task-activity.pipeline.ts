import { COMPLETION_GAP_MS, type CompletionGap, type TaskActivityCounts } from '@primetrade/domain';
import type { MongoDocument } from '../connection/mongo-query.types';

/** Per side, the count of each period that has any (`_id` is the period's index). */
export interface TaskActivityRow {
  created: { _id: number; n: number }[];
  completed: { _id: number; n: number }[];
}

/**
 * The timeline's counts in one aggregation: the owner's tasks created or completed inside the
 * window — an $or of two index ranges, (owner, createdAt, _id) and the partial (owner, completedAt)
 * — then each side grouped by period. The cost follows the tasks inside the window.
 *
 * The period is the number of boundaries at or before the time, minus one: `$bucket` would say the
 * same, but mingo (the tests' executor) misplaces values on a boundary, and periods are not of one
 * length (days of 23 and 25 hours), so no arithmetic on the time can replace it.
 */
export function taskActivityPipeline(ownerId: string, boundaries: readonly Date[]): MongoDocument[] {
  const window = { $gte: boundaries[0], $lt: boundaries[boundaries.length - 1] };
  const byPeriod = (field: string) => ({
    $group: {
      _id: { $subtract: [{ $size: { $filter: { input: [...boundaries], as: 'b', cond: { $lte: ['$$b', `$${field}`] } } } }, 1] },
      n: { $sum: 1 },
    },
  });
  return [
    { $match: { owner: ownerId, $or: [{ createdAt: window }, { completedAt: window }] } },
    {
      $facet: {
        created: [{ $match: { createdAt: window } }, byPeriod('createdAt')],
        // completedAt is set only while a task is completed; the status is checked all the same.
        completed: [{ $match: { status: 'completed', completedAt: window } }, byPeriod('completedAt')],
      },
    },
  ];
}

/** The grouped rows as one count per period, zeros included. */
export function toTaskActivityCounts(row: TaskActivityRow | undefined, boundaries: readonly Date[]): TaskActivityCounts {
  const periods = Math.max(0, boundaries.length - 1);
  const counts = (groups: { _id: number; n: number }[] | undefined) => {
    const out = new Array<number>(periods).fill(0);
    for (const g of groups ?? []) if (g._id >= 0 && g._id < periods) out[g._id] = g.n;
    return out;
  };
  return { created: counts(row?.created), completed: counts(row?.completed) };
}

/** The owner's completion times before `before`, latest first, a batch at a time on (owner, completedAt). */
export function completionTimesQuery(ownerId: string, before: Date, size: number) {
  return {
    filter: { owner: ownerId, status: 'completed' as const, completedAt: { $lt: before } },
    projection: { _id: 0, completedAt: 1 },
    sort: { completedAt: -1 } as Record<string, 1 | -1>,
    limit: size,
    hint: 'owner_completedAt',
  };
}

/**
 * Completion gaps from completion times read latest first. MongoDB keeps no gaps read model (SQLite
 * does, migration 11): the adapter walks the completions back in batches until it has `limit` gaps,
 * so the cost follows the completions inside the streak being measured.
 */
export class CompletionGapCollector {
  private readonly gaps: CompletionGap[] = [];
  private later: number | null = null;

  constructor(private readonly limit: number) {}

  get done(): boolean {
    return this.gaps.length >= this.limit;
  }

  /** Feeds the next batch (latest first); `last` when no earlier completion exists. */
  add(times: readonly Date[], last: boolean): CompletionGap[] {
    for (const time of times) {
      const t = time.getTime();
      if (this.later !== null && this.later !== t && this.later - t >= COMPLETION_GAP_MS) {
        this.gaps.push({ from: new Date(t), to: new Date(this.later) });
      }
      if (this.later === null || this.later !== t) this.later = t;
      if (this.done) return this.gaps.slice(0, this.limit);
    }
    if (last && this.later !== null) this.gaps.push({ from: null, to: new Date(this.later) });
    return this.gaps.slice(0, this.limit);
  }
}
