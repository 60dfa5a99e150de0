import { BulkOperation, BulkResult, Task, TaskPriority } from '../../../core/api/task.types';
import { etagOf } from '../data/task.service';

/** What the bulk toolbar does to the selected tasks. */
export type BulkAction =
  { kind: 'complete' } | { kind: 'delete' } | { kind: 'priority'; priority: TaskPriority } | { kind: 'tag'; tag: string };

/** One selected task and the operation sent for it. */
export interface BulkTarget {
  task: Task;
  operation: BulkOperation;
}

/** A task the API did not change, and why (the single route's reason). */
export interface BulkFailure {
  id: string;
  title: string;
  status: number;
  message: string;
}

/**
 * The operations for the selected tasks, each with the version the user saw (ifMatch), so a task
 * changed elsewhere is reported rather than overwritten. Tasks the action would not change (already
 * completed, already that priority, already tagged) are left out.
 */
export function bulkTargets(action: BulkAction, tasks: readonly Task[]): BulkTarget[] {
  const targets: BulkTarget[] = [];
  for (const task of tasks) {
    const ifMatch = etagOf(task);
    switch (action.kind) {
      case 'complete':
        if (task.status !== 'completed') targets.push({ task, operation: { op: 'complete', id: task.id, ifMatch } });
        break;
      case 'delete':
        targets.push({ task, operation: { op: 'delete', id: task.id, ifMatch } });
        break;
      case 'priority':
        if (task.priority !== action.priority) {
          targets.push({ task, operation: { op: 'update', id: task.id, ifMatch, changes: { priority: action.priority } } });
        }
        break;
      case 'tag':
        if (!task.tags.includes(action.tag)) {
          targets.push({ task, operation: { op: 'update', id: task.id, ifMatch, changes: { tags: [...task.tags, action.tag] } } });
        }
        break;
    }
  }
  return targets;
}

/** The reason shown beside a task the batch did not change. */
export function failureOf(task: Task, result: BulkResult): BulkFailure {
  const problem = result.problem;
  const detail = problem?.errors?.[0]?.message ?? problem?.detail ?? 'it was not saved';
  const message =
    result.status === 412
      ? 'it was changed elsewhere; it now shows the latest version, try again'
      : result.status === 404
        ? 'it no longer exists'
        : result.status === 429
          ? 'too many changes at once; try again in a moment'
          : detail;
  return { id: task.id, title: task.title, status: result.status, message };
}

/** A tag as the API takes it: trimmed, without a leading #, 1–32 characters; null when it is not one. */
export function normaliseTag(input: string): string | null {
  const tag = input.trim().replace(/^#/, '').trim();
  return tag.length >= 1 && tag.length <= 32 ? tag : null;
}

export const BULK_VERBS: Record<BulkAction['kind'], string> = {
  complete: 'Completed',
  delete: 'Deleted',
  priority: 'Changed the priority of',
  tag: 'Tagged',
};
