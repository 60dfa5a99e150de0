import type { Task } from '../model/task.entity';

/**
 * Tasks moved per transaction. A move costs about 1 ms a task on SQLite (measured at 20 k and 100 k
 * tasks: the deletes rewrite scattered index and search-index pages), so 100 holds the write lock
 * (and, in one process, the event loop) for about a tenth of a second at a time.
 */
export const TASK_ARCHIVE_BATCH = 100;

/**
 * Cold storage of old completed tasks (ARCHIVE_AFTER): a table or collection of its own, so the hot
 * indexes and statistics counters hold only the tasks in use. Listing the archive goes through
 * TaskReadModel (`criteria.archived`), its count through TaskStatistics (`archived`).
 */
export abstract class TaskArchive {
  /**
   * Moves up to `limit` tasks that are completed and unchanged since before `cutoff` out of the hot
   * store, each with a TaskArchived event, in one transaction per call. The condition is part of the
   * write, so a task reopened or edited since it was found stays hot; a task already moved is not
   * there to move again. Returns how many moved.
   */
  abstract archiveBatch(cutoff: Date, limit: number, now: Date): Promise<number>;

  /** The owner's archived task; null for an unknown id or another owner's task. */
  abstract findById(ownerId: string, id: string): Promise<Task | null>;

  /**
   * Puts the task (changed by Task.unarchive) back among the hot tasks with its events, if the
   * archive still holds it at the version it was read at; false when it no longer does.
   */
  abstract restore(task: Task): Promise<boolean>;
}
