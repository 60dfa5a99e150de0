/** How many of an owner's tasks were created, and completed, in each period between boundaries. */
export interface TaskActivityCounts {
  /** created[i]: tasks created at or after boundaries[i] and before boundaries[i + 1]. */
  created: number[];
  /** completed[i]: tasks completed (and still completed) in the same period. */
  completed: number[];
}

/** The shortest calendar day (a change to summer time): only a longer pause can hold a day without completion. */
export const COMPLETION_GAP_MS = 23 * 60 * 60 * 1000;

/** A pause of at least COMPLETION_GAP_MS between two consecutive completions; `from` null: the first completion. */
export interface CompletionGap {
  from: Date | null;
  to: Date;
}

/**
 * Read side of task activity over time (the timeline). Periods are given as ascending instants,
 * so the store needs no calendar or time zone: an index range on creation and on completion time
 * per owner answers it, whatever the owner's task count.
 */
export abstract class TaskActivityReadModel {
  /** Counts per period; `boundaries` has n + 1 ascending instants for n periods. */
  abstract activity(ownerId: string, boundaries: readonly Date[]): Promise<TaskActivityCounts>;

  /**
   * The owner's completion gaps (completed tasks' completion times, consecutive, at least
   * COMPLETION_GAP_MS apart, and the very first completion), latest first, `to` before `before`.
   * How far back a completion streak goes is found from these without visiting every day.
   */
  abstract completionGaps(ownerId: string, before: Date, limit: number): Promise<CompletionGap[]>;
}
