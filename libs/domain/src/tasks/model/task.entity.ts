import { AggregateRoot } from '../../shared/model/aggregate-root';
import { DomainValidationError } from '../../shared/model/domain.errors';
import { InvalidTaskTransitionError } from './task.errors';
import { TaskCompleted, TaskCreated, TaskDeleted, type TaskFacts, TaskRestored, TaskUpdated } from './task.events';
import { DEFAULT_TASK_PRIORITY, type TaskPriority } from './task-priority';
import { type RecurrenceInput, sameRecurrence, type TaskRecurrence } from './task-recurrence';
import { OPEN_TASK_STATUSES, TASK_TRANSITIONS, type TaskStatus } from './task-status';

export const TASK_LIMITS = { titleMax: 200, descriptionMax: 5000, tagsMax: 20, tagMax: 32 } as const;

export interface TaskProps {
  id: string;
  ownerId: string;
  title: string;
  description: string;
  status: TaskStatus;
  priority: TaskPriority;
  dueDate: Date | null;
  tags: string[];
  createdAt: Date;
  updatedAt: Date;
  completedAt: Date | null;
  version: number;
  /** Null for a one-off task. */
  recurrence: TaskRecurrence | null;
}

export interface TaskChanges {
  title?: string;
  description?: string;
  status?: TaskStatus;
  priority?: TaskPriority;
  dueDate?: Date | null;
  tags?: string[];
  /** A rule already checked by RecurrenceRules; null stops the repeating. */
  recurrence?: RecurrenceInput | null;
}

export class Task extends AggregateRoot {
  /** The version the store holds; saving must match it (optimistic concurrency). */
  private readonly persistedVersion: number;

  private constructor(
    private readonly props: TaskProps,
    persistedVersion: number,
  ) {
    super();
    this.persistedVersion = persistedVersion;
  }

  static create(input: {
    id: string;
    ownerId: string;
    title: string;
    description?: string;
    status?: TaskStatus;
    priority?: TaskPriority;
    dueDate?: Date | null;
    tags?: string[];
    /** Checked by RecurrenceRules; the series is the new task's own, unless it continues one. */
    recurrence?: RecurrenceInput | null;
    seriesId?: string;
    now: Date;
  }): Task {
    const status = input.status ?? 'todo';
    if (!OPEN_TASK_STATUSES.includes(status)) {
      throw new DomainValidationError('status', 'a new task starts as todo or in_progress');
    }
    const task = new Task(
      {
        id: input.id,
        ownerId: input.ownerId,
        title: validTitle(input.title),
        description: validDescription(input.description ?? ''),
        status,
        priority: input.priority ?? DEFAULT_TASK_PRIORITY,
        dueDate: validDueDate(input.dueDate ?? null),
        tags: validTags(input.tags ?? []),
        createdAt: input.now,
        updatedAt: input.now,
        completedAt: null,
        version: 1,
        recurrence: input.recurrence
          ? { rule: input.recurrence.rule, timeZone: input.recurrence.timeZone, seriesId: input.seriesId ?? input.id }
          : null,
      },
      0,
    );
    assertRecurrenceHasDueDate(task.props);
    task.raise(new TaskCreated(task.id, task.ownerId, task.facts(), input.now));
    return task;
  }

  static restore(props: TaskProps): Task {
    return new Task({ ...props, tags: [...props.tags], recurrence: props.recurrence && { ...props.recurrence } }, props.version);
  }

  get id(): string {
    return this.props.id;
  }
  get ownerId(): string {
    return this.props.ownerId;
  }
  get title(): string {
    return this.props.title;
  }
  get description(): string {
    return this.props.description;
  }
  get status(): TaskStatus {
    return this.props.status;
  }
  get priority(): TaskPriority {
    return this.props.priority;
  }
  get dueDate(): Date | null {
    return this.props.dueDate;
  }
  get tags(): readonly string[] {
    return this.props.tags;
  }
  get createdAt(): Date {
    return this.props.createdAt;
  }
  get updatedAt(): Date {
    return this.props.updatedAt;
  }
  get completedAt(): Date | null {
    return this.props.completedAt;
  }
  get version(): number {
    return this.props.version;
  }
  get recurrence(): Readonly<TaskRecurrence> | null {
    return this.props.recurrence;
  }
  /** 0 for a task never saved. */
  get expectedStoredVersion(): number {
    return this.persistedVersion;
  }

  /**
   * Applies a partial change atomically: every field is validated and the status move checked
   * before anything is written. Fields equal to the current value are not changes.
   */
  update(changes: TaskChanges, now: Date): void {
    const next: Partial<TaskProps> = {};
    if (changes.title !== undefined) {
      const title = validTitle(changes.title);
      if (title !== this.props.title) next.title = title;
    }
    if (changes.description !== undefined) {
      const description = validDescription(changes.description);
      if (description !== this.props.description) next.description = description;
    }
    if (changes.priority !== undefined && changes.priority !== this.props.priority) next.priority = changes.priority;
    if (changes.dueDate !== undefined) {
      const dueDate = validDueDate(changes.dueDate);
      if (dueDate?.getTime() !== this.props.dueDate?.getTime()) next.dueDate = dueDate;
    }
    if (changes.tags !== undefined) {
      const tags = validTags(changes.tags);
      if (tags.join('\u0000') !== this.props.tags.join('\u0000')) next.tags = tags;
    }
    if (changes.recurrence !== undefined && !sameRecurrence(changes.recurrence, this.props.recurrence)) {
      // A series keeps its id when only its rule changes; a task that starts repeating starts one.
      const seriesId = this.props.recurrence?.seriesId ?? this.props.id;
      next.recurrence = changes.recurrence && { rule: changes.recurrence.rule, timeZone: changes.recurrence.timeZone, seriesId };
    }
    assertRecurrenceHasDueDate({ ...this.props, ...next });
    const statusChanges = changes.status !== undefined && changes.status !== this.props.status;
    if (statusChanges) assertTransition(this.props.status, changes.status as TaskStatus);

    const changed = Object.keys(next);
    if (statusChanges) changed.push('status');
    if (changed.length === 0) return;

    const before = this.facts();
    Object.assign(this.props, next);
    if (statusChanges) this.moveTo(changes.status as TaskStatus, now);
    this.touch(now);
    this.raise(new TaskUpdated(this.id, this.ownerId, changed, before, this.facts(), now));
  }

  /** Completing a completed task is a mistake the caller should hear about, not a no-op. */
  complete(now: Date): void {
    if (this.props.status === 'completed') throw new InvalidTaskTransitionError('completed', 'completed');
    this.update({ status: 'completed' }, now);
  }

  /** Back to todo from completed or cancelled. */
  reopen(now: Date): void {
    if (OPEN_TASK_STATUSES.includes(this.props.status)) throw new InvalidTaskTransitionError(this.props.status, 'todo');
    this.update({ status: 'todo' }, now);
  }

  /**
   * The series' next occurrence, due at `dueDate` (what RecurrenceRules gave after this one's due
   * date): a new open task with this one's title, description, priority and tags, and `rule`.
   */
  nextOccurrence(input: { id: string; dueDate: Date; rule: string; now: Date }): Task {
    const recurrence = this.props.recurrence;
    if (!recurrence) throw new DomainValidationError('recurrence', 'the task does not repeat');
    return Task.create({
      id: input.id,
      ownerId: this.props.ownerId,
      title: this.props.title,
      description: this.props.description,
      priority: this.props.priority,
      tags: this.props.tags,
      dueDate: input.dueDate,
      recurrence: { rule: input.rule, timeZone: recurrence.timeZone },
      seriesId: recurrence.seriesId,
      now: input.now,
    });
  }

  /**
   * Back from the archive: a new version, changed now (so the next archive run leaves it hot for
   * another ARCHIVE_AFTER), recorded as TaskRestored; the archive moves the row.
   */
  unarchive(now: Date): void {
    this.touch(now);
    this.raise(new TaskRestored(this.id, this.ownerId, this.facts(), now));
  }

  /** Records the deletion; the repository removes the row. */
  markDeleted(now: Date): void {
    this.raise(new TaskDeleted(this.id, this.ownerId, this.facts(), now));
  }

  isOverdue(now: Date): boolean {
    return this.props.dueDate !== null && OPEN_TASK_STATUSES.includes(this.props.status) && this.props.dueDate < now;
  }

  facts(): TaskFacts {
    const { status, priority, dueDate, createdAt, completedAt } = this.props;
    return { status, priority, dueDate, createdAt, completedAt };
  }

  toProps(): TaskProps {
    return { ...this.props, tags: [...this.props.tags], recurrence: this.props.recurrence && { ...this.props.recurrence } };
  }

  /** Sets the status (already checked by assertTransition) and its completion time. */
  private moveTo(next: TaskStatus, now: Date): void {
    this.props.status = next;
    if (next === 'completed') {
      this.props.completedAt = now;
      this.raise(new TaskCompleted(this.id, this.ownerId, this.props.priority, now.getTime() - this.props.createdAt.getTime(), now));
    } else {
      this.props.completedAt = null;
    }
  }

  /** One version step per saved change, however many fields it touched. */
  private touch(now: Date): void {
    this.props.version = this.persistedVersion + 1;
    this.props.updatedAt = now;
  }
}

function assertTransition(from: TaskStatus, to: TaskStatus): void {
  if (!TASK_TRANSITIONS[from].includes(to)) throw new InvalidTaskTransitionError(from, to);
}

function assertRecurrenceHasDueDate(props: Pick<TaskProps, 'recurrence' | 'dueDate'>): void {
  if (props.recurrence && props.dueDate === null) throw new DomainValidationError('dueDate', 'a recurring task needs a due date');
}

function validTitle(raw: string): string {
  const title = raw.trim();
  if (title.length < 1 || title.length > TASK_LIMITS.titleMax) {
    throw new DomainValidationError('title', `must be 1 to ${TASK_LIMITS.titleMax} characters`);
  }
  return title;
}

function validDescription(raw: string): string {
  const description = raw.trim();
  if (description.length > TASK_LIMITS.descriptionMax) {
    throw new DomainValidationError('description', `must be at most ${TASK_LIMITS.descriptionMax} characters`);
  }
  return description;
}

function validDueDate(value: Date | null): Date | null {
  if (value !== null && Number.isNaN(value.getTime())) throw new DomainValidationError('dueDate', 'must be a valid date');
  return value;
}

/** Tags are trimmed, lower-cased and de-duplicated, keeping their first order. */
function validTags(raw: readonly string[]): string[] {
  const tags = [...new Set(raw.map((t) => t.trim().toLowerCase()))];
  if (tags.length > TASK_LIMITS.tagsMax) throw new DomainValidationError('tags', `at most ${TASK_LIMITS.tagsMax} tags`);
  for (const tag of tags) {
    if (tag.length < 1 || tag.length > TASK_LIMITS.tagMax) {
      throw new DomainValidationError('tags', `each tag must be 1 to ${TASK_LIMITS.tagMax} characters`);
    }
  }
  return tags;
}
