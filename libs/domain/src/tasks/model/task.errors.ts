import { DomainError } from '../../shared/model/domain.errors';
import type { TaskStatus } from './task-status';

/** Also what another owner's task answers: it must be indistinguishable from a missing one. */
export class TaskNotFoundError extends DomainError {
  readonly code = 'TASK.NOT_FOUND';
  readonly kind = 'not_found' as const;

  constructor() {
    super('Task not found.');
  }
}

export class InvalidTaskTransitionError extends DomainError {
  readonly code = 'TASK.INVALID_TRANSITION';
  readonly kind = 'conflict' as const;

  constructor(from: TaskStatus, to: TaskStatus) {
    super(`A ${from} task cannot become ${to}.`, [{ field: 'status', message: `cannot change from ${from} to ${to}` }]);
  }
}

/** Somebody else saved the task since it was read (optimistic concurrency on `version`). */
export class TaskVersionConflictError extends DomainError {
  readonly code = 'TASK.VERSION_CONFLICT';
  readonly kind = 'conflict' as const;

  constructor() {
    super('The task was changed by another request; reload it and try again.');
  }
}

/** The client's If-Match named a version that is no longer current. */
export class TaskPreconditionFailedError extends DomainError {
  readonly code = 'TASK.PRECONDITION_FAILED';
  readonly kind = 'precondition_failed' as const;

  constructor(readonly currentVersion: number) {
    super('The task does not match the version in If-Match.');
  }
}

/**
 * An operation of an atomic batch failed, so nothing of the batch was written. Carries the
 * failed operation's code and kind (the single route's answer) and names it by position.
 */
export class TaskBatchAbortedError extends DomainError {
  readonly code: string;
  readonly kind: DomainError['kind'];

  constructor(
    readonly index: number,
    readonly reason: DomainError,
  ) {
    const field = `operations[${index}]`;
    super(
      `Operation ${index} failed, so nothing was written: ${reason.message}`,
      reason.violations.length > 0
        ? reason.violations.map((v) => ({ field: `${field}.${v.field}`, message: v.message }))
        : [{ field, message: reason.message }],
    );
    this.code = reason.code;
    this.kind = reason.kind;
  }
}

/**
 * A `filter` expression that does not parse or does not type-check. `position` is the 0-based
 * offset of the first character that does not fit (line and column count from 1), `expected`
 * what would fit there.
 */
export class TaskFilterInvalidError extends DomainError {
  readonly code = 'TASK.FILTER_INVALID';
  readonly kind = 'validation' as const;

  private constructor(
    message: string,
    readonly position: number,
    readonly line: number,
    readonly column: number,
    readonly expected: readonly string[],
  ) {
    super(message, [{ field: 'filter', message: `at ${position} (line ${line}, column ${column}): ${message}` }]);
  }

  static at(source: string, position: number, expected: readonly string[], message: string): TaskFilterInvalidError {
    const before = source.slice(0, position).split('\n');
    return new TaskFilterInvalidError(message, position, before.length, before[before.length - 1].length + 1, [...expected]);
  }

  override get extensions(): Readonly<Record<string, unknown>> {
    return { position: this.position, line: this.line, column: this.column, expected: this.expected };
  }
}

/**
 * The series already has an occurrence due at that time (the unique key on series and due date):
 * the next occurrence was created already, e.g. by an earlier completion of a reopened task.
 */
export class TaskOccurrenceExistsError extends DomainError {
  readonly code = 'TASK.OCCURRENCE_EXISTS';
  readonly kind = 'conflict' as const;

  constructor() {
    super('The series already has an occurrence due at that time.');
  }
}
