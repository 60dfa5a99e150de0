import type { NotificationType } from '../model/notification.entity';

export interface DueTask {
  taskId: string;
  ownerId: string;
  type: NotificationType;
  /** The task's due date: the scan keeps a `task-due` only within its owner's lead time. */
  dueDate: Date;
}

/** Finds, across all owners, open tasks that need a notification they do not have yet. */
export abstract class DueTaskScanner {
  /**
   * Open (todo / in_progress) tasks with `task-overdue` when due at or before `now`, and
   * `task-due` when due after `now`, at or before `until` and within the owner's "due soon" lead
   * (their stored UserPreferences; DEFAULT_PREFERENCES' lead without a row; `none`: never) — in the
   * store's query, so tasks a user wants no notice for yet never fill the batch. Those that already
   * have a notification of that type are left out. At most `limit`, earliest due first.
   */
  abstract findDue(now: Date, until: Date, limit: number): Promise<DueTask[]>;
}
