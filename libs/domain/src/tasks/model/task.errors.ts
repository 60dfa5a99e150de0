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
