import { Injectable } from '@nestjs/common';
import { DomainEventPublisher, type TaskProps, TaskUnitOfWork, TaskVersionConflictError, type TaskWrite } from '@primetrade/domain';
import { InMemoryStore } from './in-memory-store';
import { InMemoryTaskRepository } from './in-memory-task.repository';

/**
 * All or nothing over the in-memory rows: the writes run through the repository (with its
 * version checks); if one fails the rows are put back as they were. Events are published after.
 */
@Injectable()
export class InMemoryTaskUnitOfWork extends TaskUnitOfWork {
  private readonly tasks: InMemoryTaskRepository;

  constructor(
    private readonly store: InMemoryStore,
    private readonly events: DomainEventPublisher,
  ) {
    super();
    this.tasks = new InMemoryTaskRepository(store);
  }

  async commit(writes: readonly TaskWrite[]): Promise<void> {
    // Only the rows this unit wrote are put back: another unit committing in between keeps its writes.
    const before = new Map<string, TaskProps | undefined>();
    try {
      for (const write of writes) {
        const row = this.store.tasks.get(write.task.id);
        await this.apply(write);
        if (!before.has(write.task.id)) before.set(write.task.id, row);
      }
    } catch (error) {
      for (const [id, row] of before) {
        if (row) this.store.tasks.set(id, row);
        else this.store.tasks.delete(id);
      }
      throw error;
    }
    await this.events.publish(writes.flatMap((w) => w.events));
  }

  private async apply({ kind, task }: TaskWrite): Promise<void> {
    if (kind === 'insert') return this.tasks.insert(task);
    if (kind === 'update') return this.tasks.update(task);
    if (!(await this.tasks.delete(task.ownerId, task.id, task.version))) throw new TaskVersionConflictError();
  }
}
