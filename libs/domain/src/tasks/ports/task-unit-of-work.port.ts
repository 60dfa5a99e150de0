import type { DomainEvent } from '../../shared/model/domain-event';
import type { Task } from '../model/task.entity';

/** One held-back write of a unit of work, with the events the task raised for it. */
export interface TaskWrite {
  kind: 'insert' | 'update' | 'remove';
  task: Task;
  events: readonly DomainEvent[];
}

/**
 * Several task writes as one: all of them or none. Each write is as conditional as the single
 * repository call (an update or removal only at the version it was read at), so a concurrent
 * change between reading and committing aborts the whole unit with TaskVersionConflictError
 * (or TaskNotFoundError) instead of being overwritten.
 */
export abstract class TaskUnitOfWork {
  /**
   * Commits the writes in order in one store transaction. The events reach their subscribers
   * only after the commit: a store with an outbox records them inside the same transaction,
   * any other publishes them once the writes are in.
   */
  abstract commit(writes: readonly TaskWrite[]): Promise<void>;
}
