import type { Task } from '../model/task.entity';

/** Write side of tasks. Every call carries the owner, so a store can route it to one shard. */
export abstract class TaskRepository {
  abstract findById(ownerId: string, id: string): Promise<Task | null>;
  abstract insert(task: Task): Promise<void>;
  /**
   * Saves a changed task if the stored version still equals `task.expectedStoredVersion`;
   * otherwise throws TaskVersionConflictError (or TaskNotFoundError when it is gone).
   */
  abstract update(task: Task): Promise<void>;
  /** Deletes if the stored version matches; false when there was nothing (or no match) to delete. */
  abstract delete(ownerId: string, id: string, version: number): Promise<boolean>;
  /**
   * Deletes the task at its version, with the events it raised (markDeleted) when the store
   * keeps an outbox; false as delete(). Stores with an outbox override it.
   */
  remove(task: Task): Promise<boolean> {
    return this.delete(task.ownerId, task.id, task.version);
  }
}
