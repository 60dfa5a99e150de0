import type { TaskStats } from '../application/task-stats';

/** The statistics overview of one owner's tasks at a moment. */
export abstract class TaskStatistics {
  abstract overview(ownerId: string, now: Date): Promise<TaskStats>;
}
