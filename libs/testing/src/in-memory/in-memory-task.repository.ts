import { Injectable } from '@nestjs/common';
import { Task, TaskNotFoundError, TaskOccurrenceExistsError, TaskRepository, TaskVersionConflictError } from '@primetrade/domain';
import { copyTask, InMemoryStore } from './in-memory-store';

@Injectable()
export class InMemoryTaskRepository extends TaskRepository {
  constructor(private readonly store: InMemoryStore) {
    super();
  }

  /** Another owner's task is absent, as every store scopes its look-ups by owner. */
  async findById(ownerId: string, id: string): Promise<Task | null> {
    const row = this.store.tasks.get(id);
    return row && row.ownerId === ownerId ? Task.restore(copyTask(row)) : null;
  }

  async insert(task: Task): Promise<void> {
    this.assertOnlyOccurrence(task);
    if (this.store.tasks.has(task.id)) {
      if (task.recurrence) throw new TaskOccurrenceExistsError(); // its id names the occurrence
      throw new Error(`Duplicate task id ${task.id}`);
    }
    this.store.tasks.set(task.id, copyTask(task.toProps()));
  }

  /** Compare-and-set on the version, like SQLite's `UPDATE … WHERE version = ?`. */
  async update(task: Task): Promise<void> {
    const row = this.store.tasks.get(task.id);
    if (!row || row.ownerId !== task.ownerId) throw new TaskNotFoundError();
    if (row.version !== task.expectedStoredVersion) throw new TaskVersionConflictError();
    this.assertOnlyOccurrence(task);
    // The owner and creation time are not columns an update may change.
    this.store.tasks.set(task.id, { ...copyTask(task.toProps()), ownerId: row.ownerId, createdAt: row.createdAt });
  }

  async delete(ownerId: string, id: string, version: number): Promise<boolean> {
    const row = this.store.tasks.get(id);
    if (!row || row.ownerId !== ownerId || row.version !== version) return false;
    return this.store.tasks.delete(id);
  }

  /** The unique (series, due date) key of the real stores. */
  private assertOnlyOccurrence(task: Task): void {
    const series = task.recurrence?.seriesId;
    if (!series) return;
    for (const row of this.store.tasks.values()) {
      if (row.id !== task.id && row.recurrence?.seriesId === series && row.dueDate?.getTime() === task.dueDate?.getTime()) {
        throw new TaskOccurrenceExistsError();
      }
    }
  }
}
