import type { SessionProps, TaskProps, UserProps } from '@primetrade/domain';

/**
 * The rows of the in-memory adapters, shared by all of them as one SQLite file is shared by
 * the SQLite adapters. Rows are plain props, copied on the way in and out, so an entity
 * changed by a caller never changes the "stored" row behind the repository's back.
 */
export class InMemoryStore {
  readonly users = new Map<string, UserProps>();
  readonly sessions = new Map<string, SessionProps>();
  readonly tasks = new Map<string, TaskProps>();
  /** The archive (TaskArchive): a task is in one of the two maps, never both. */
  readonly archivedTasks = new Map<string, TaskProps>();

  clear(): void {
    this.users.clear();
    this.sessions.clear();
    this.tasks.clear();
    this.archivedTasks.clear();
  }
}

const copyDate = (date: Date | null): Date | null => (date === null ? null : new Date(date.getTime()));

export function copyUser(props: UserProps): UserProps {
  return {
    ...props,
    emailConfirmedAt: props.emailConfirmedAt && new Date(props.emailConfirmedAt.getTime()),
    createdAt: new Date(props.createdAt.getTime()),
    updatedAt: new Date(props.updatedAt.getTime()),
  };
}

export function copySession(props: SessionProps): SessionProps {
  return {
    ...props,
    createdAt: new Date(props.createdAt.getTime()),
    expiresAt: new Date(props.expiresAt.getTime()),
    rotatedAt: copyDate(props.rotatedAt),
    revokedAt: copyDate(props.revokedAt),
  };
}

export function copyTask(props: TaskProps): TaskProps {
  return {
    ...props,
    tags: [...props.tags],
    dueDate: copyDate(props.dueDate),
    createdAt: new Date(props.createdAt.getTime()),
    updatedAt: new Date(props.updatedAt.getTime()),
    completedAt: copyDate(props.completedAt),
    recurrence: props.recurrence && { ...props.recurrence },
  };
}
