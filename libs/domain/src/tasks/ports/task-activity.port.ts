/** How many of an owner's tasks were created, and completed, in each period between boundaries. */
export interface TaskActivityCounts {
  /** created[i]: tasks created at or after boundaries[i] and before boundaries[i + 1]. */
  created: number[];
  /** completed[i]: tasks completed (and still completed) in the same period. */
  completed: number[];
}

/**
 * Read side of task activity over time (the timeline). Periods are given as ascending instants,
 * so the store needs no calendar or time zone: an index range on creation and on completion time
 * per owner answers it, whatever the owner's task count.
 */
export abstract class TaskActivityReadModel {
  /** Counts per period; `boundaries` has n + 1 ascending instants for n periods. */
  abstract activity(ownerId: string, boundaries: readonly Date[]): Promise<TaskActivityCounts>;
}
