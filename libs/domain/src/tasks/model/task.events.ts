import type { DomainEvent } from '../../shared/model/domain-event';
import type { TaskPriority } from './task-priority';
import type { TaskStatus } from './task-status';

/** The facts about a task that read models (statistics, notifications) are built from. */
export interface TaskFacts {
  status: TaskStatus;
  priority: TaskPriority;
  dueDate: Date | null;
  createdAt: Date;
  completedAt: Date | null;
}

interface TaskEventBase extends DomainEvent {
  readonly ownerId: string;
}

export class TaskCreated implements TaskEventBase {
  static readonly TYPE = 'tasks.task-created';
  readonly type = TaskCreated.TYPE;
  constructor(
    readonly aggregateId: string,
    readonly ownerId: string,
    readonly facts: TaskFacts,
    readonly occurredAt: Date,
  ) {}
}

export class TaskUpdated implements TaskEventBase {
  static readonly TYPE = 'tasks.task-updated';
  readonly type = TaskUpdated.TYPE;
  constructor(
    readonly aggregateId: string,
    readonly ownerId: string,
    readonly changedFields: readonly string[],
    readonly before: TaskFacts,
    readonly after: TaskFacts,
    readonly occurredAt: Date,
  ) {}
}

export class TaskCompleted implements TaskEventBase {
  static readonly TYPE = 'tasks.task-completed';
  readonly type = TaskCompleted.TYPE;
  constructor(
    readonly aggregateId: string,
    readonly ownerId: string,
    readonly priority: TaskPriority,
    /** Time from creation to completion. */
    readonly durationMs: number,
    readonly occurredAt: Date,
  ) {}
}

export class TaskDeleted implements TaskEventBase {
  static readonly TYPE = 'tasks.task-deleted';
  readonly type = TaskDeleted.TYPE;
  constructor(
    readonly aggregateId: string,
    readonly ownerId: string,
    readonly last: TaskFacts,
    readonly occurredAt: Date,
  ) {}
}

/** Moved to the archive (ARCHIVE_AFTER): out of the hot lists and counters, still the owner's. */
export class TaskArchived implements TaskEventBase {
  static readonly TYPE = 'tasks.task-archived';
  readonly type = TaskArchived.TYPE;
  constructor(
    readonly aggregateId: string,
    readonly ownerId: string,
    readonly last: TaskFacts,
    readonly occurredAt: Date,
  ) {}
}

/** Brought back from the archive: a hot task again, with these facts. */
export class TaskRestored implements TaskEventBase {
  static readonly TYPE = 'tasks.task-restored';
  readonly type = TaskRestored.TYPE;
  constructor(
    readonly aggregateId: string,
    readonly ownerId: string,
    readonly facts: TaskFacts,
    readonly occurredAt: Date,
  ) {}
}
