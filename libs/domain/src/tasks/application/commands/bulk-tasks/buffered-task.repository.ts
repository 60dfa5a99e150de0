import { DomainEventPublisher } from '../../../../shared/ports/event-publisher.port';
import { Task, type TaskProps } from '../../../model/task.entity';
import { TaskRepository } from '../../../ports/task.repository.port';
import { TaskUnitOfWork, type TaskWrite } from '../../../ports/task-unit-of-work.port';

/**
 * A unit of work's view of the tasks: reads go to the store, except for tasks this unit already
 * wrote (so a later operation sees an earlier one's result, version included); writes are held
 * back, each with the events the task raised for it, until the unit commits them at once.
 */
export class BufferedTaskRepository extends TaskRepository {
  readonly writes: TaskWrite[] = [];
  /** A task's state after this unit's writes; null once removed. */
  private readonly written = new Map<string, TaskProps | null>();

  constructor(private readonly store: TaskRepository) {
    super();
  }

  async findById(ownerId: string, id: string): Promise<Task | null> {
    if (!this.written.has(id)) return this.store.findById(ownerId, id);
    const props = this.written.get(id);
    return props && props.ownerId === ownerId ? Task.restore(props) : null;
  }

  async insert(task: Task): Promise<void> {
    this.hold('insert', task);
  }

  async update(task: Task): Promise<void> {
    this.hold('update', task);
  }

  override async remove(task: Task): Promise<boolean> {
    this.hold('remove', task);
    return true;
  }

  async delete(ownerId: string, id: string, version: number): Promise<boolean> {
    const task = await this.findById(ownerId, id);
    if (!task || task.version !== version) return false;
    return this.remove(task);
  }

  /** A write as a handler's own unit of work hands it over, its events already taken off the task. */
  holdWrite(write: TaskWrite): void {
    this.writes.push(write);
    this.written.set(write.task.id, write.kind === 'remove' ? null : write.task.toProps());
  }

  private hold(kind: TaskWrite['kind'], task: Task): void {
    // Peeked, not pulled: the handler still publishes them, to the publisher below, which drops them.
    this.writes.push({ kind, task, events: task.peekEvents() });
    this.written.set(task.id, kind === 'remove' ? null : task.toProps());
  }
}

/** Inside a unit of work the events go with their writes (see TaskWrite), not out at once. */
export class EventsWithWrites extends DomainEventPublisher {
  async publish(): Promise<void> {
    // Nothing here: the unit of work commits each write's events with it.
  }
}

/** A handler's unit of work inside a batch: its writes join the batch's, committed with them. */
export class BufferedUnitOfWork extends TaskUnitOfWork {
  constructor(private readonly buffer: BufferedTaskRepository) {
    super();
  }

  async commit(writes: readonly TaskWrite[]): Promise<void> {
    for (const write of writes) this.buffer.holdWrite(write);
  }
}
