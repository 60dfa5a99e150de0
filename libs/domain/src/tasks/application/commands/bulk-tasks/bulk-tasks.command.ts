import { Command } from '@nestjs/cqrs';
import type { DomainError } from '../../../../shared/model/domain.errors';
import type { TaskChanges } from '../../../model/task.entity';
import type { TaskView } from '../../task.view';
import type { NewTask } from '../create-task/create-task.command';

/** Most operations one batch may carry. */
export const BULK_TASK_LIMIT = 100;

export const BULK_TASK_OPERATIONS = ['create', 'update', 'complete', 'reopen', 'delete'] as const;
export type BulkTaskOperationKind = (typeof BULK_TASK_OPERATIONS)[number];

/** One operation of a batch: what the single route of the same name would do. */
export type BulkTaskOperation =
  | { op: 'create'; task: NewTask }
  | { op: 'update'; id: string; changes: TaskChanges; ifMatch?: number }
  | { op: 'complete' | 'reopen' | 'delete'; id: string; ifMatch?: number };

/** What one operation came to: the task (none for a deletion), or the error the single route would answer. */
export type BulkTaskResult = { ok: true; task: TaskView | null } | { ok: false; error: DomainError };

/**
 * Runs operations in order, each as its single route would. Not atomic: every operation stands
 * alone and the results say which failed. Atomic: all are written in one transaction or, when one
 * fails, none (TaskBatchAbortedError names it) and no event is published.
 */
export class BulkTasksCommand extends Command<BulkTaskResult[]> {
  constructor(
    readonly ownerId: string,
    readonly operations: readonly BulkTaskOperation[],
    readonly atomic: boolean,
  ) {
    super();
  }
}
