import { Injectable } from '@nestjs/common';
import { DomainEventPublisher, Task, TaskArchive, TaskArchived } from '@primetrade/domain';
import { copyTask, InMemoryStore } from './in-memory-store';

/** The archive as a second map of the same store: a move takes the row out of one and puts it in the other. */
@Injectable()
export class InMemoryTaskArchive extends TaskArchive {
  constructor(
    private readonly store: InMemoryStore,
    private readonly events: DomainEventPublisher,
  ) {
    super();
  }

  async archiveBatch(cutoff: Date, limit: number, now: Date): Promise<number> {
    const due = [...this.store.tasks.values()]
      .filter((t) => t.status === 'completed' && t.completedAt !== null && t.completedAt < cutoff && t.updatedAt < cutoff)
      .sort((a, b) => a.updatedAt.getTime() - b.updatedAt.getTime())
      .slice(0, Math.max(0, limit));
    for (const row of due) {
      this.store.tasks.delete(row.id);
      this.store.archivedTasks.set(row.id, row);
    }
    await this.events.publish(due.map((row) => new TaskArchived(row.id, row.ownerId, Task.restore(copyTask(row)).facts(), now)));
    return due.length;
  }

  async findById(ownerId: string, id: string): Promise<Task | null> {
    const row = this.store.archivedTasks.get(id);
    return row && row.ownerId === ownerId ? Task.restore(copyTask(row)) : null;
  }

  async restore(task: Task): Promise<boolean> {
    const row = this.store.archivedTasks.get(task.id);
    if (!row || row.ownerId !== task.ownerId || row.version !== task.expectedStoredVersion) return false;
    this.store.archivedTasks.delete(task.id);
    this.store.tasks.set(task.id, copyTask(task.toProps()));
    // As a store with an outbox takes them in the move's transaction.
    await this.events.publish(task.pullEvents());
    return true;
  }
}
