import { computed, DestroyRef, inject, Injectable, signal } from '@angular/core';
import { takeUntilDestroyed } from '@angular/core/rxjs-interop';
import { Task } from '../../../core/api/task.types';
import { Problem, toProblem } from '../../../core/http/problem';
import { TaskService } from '../data/task.service';
import { BULK_VERBS, BulkAction, BulkFailure, bulkTargets, failureOf } from './bulk-operations';
import { TaskListStore } from './task-list.store';

const plural = (n: number) => `${n} task${n === 1 ? '' : 's'}`;

/**
 * The list's selection and the bulk actions on it: one bulk call per action, each task answered
 * on its own. Changed tasks are updated in place, deleted ones leave the list, and the ones the API
 * refused stay selected with the reason, so the user can see them and try again. Provided by the
 * list page, beside its TaskListStore.
 */
@Injectable()
export class TaskBulkStore {
  private readonly tasks = inject(TaskService);
  private readonly list = inject(TaskListStore);
  private readonly destroyRef = inject(DestroyRef);

  private readonly selectedIds = signal<ReadonlySet<string>>(new Set());
  /** The selected tasks still on the page (a new filter can take some away). */
  readonly selected = computed(() => this.list.items().filter((t) => this.selectedIds().has(t.id)));
  readonly count = computed(() => this.selected().length);
  readonly allSelected = computed(() => this.list.items().length > 0 && this.count() === this.list.items().length);
  readonly someSelected = computed(() => this.count() > 0 && !this.allSelected());
  readonly running = signal(false);
  /** What the last action did, for the live region. */
  readonly summary = signal<string | null>(null);
  readonly failures = signal<BulkFailure[]>([]);
  readonly problem = signal<Problem | null>(null);

  isSelected(id: string): boolean {
    return this.selectedIds().has(id);
  }

  toggle(task: Task): void {
    this.selectedIds.update((ids) => {
      const next = new Set(ids);
      if (!next.delete(task.id)) next.add(task.id);
      return next;
    });
  }

  /** Every task loaded on the page, or none. */
  selectAll(on: boolean): void {
    this.selectedIds.set(new Set(on ? this.list.items().map((t) => t.id) : []));
  }

  clear(): void {
    this.selectedIds.set(new Set());
    this.summary.set(null);
    this.failures.set([]);
    this.problem.set(null);
  }

  run(action: BulkAction): void {
    if (this.running() || this.count() === 0) return;
    const targets = bulkTargets(action, this.selected());
    this.failures.set([]);
    this.problem.set(null);
    this.summary.set(null);
    if (targets.length === 0) {
      this.summary.set(`Nothing to change: the ${plural(this.count())} selected already are that way.`);
      return;
    }
    this.running.set(true);
    this.tasks
      .bulk(targets.map((t) => t.operation))
      .pipe(takeUntilDestroyed(this.destroyRef))
      .subscribe({
        next: ({ results }) => {
          const updated = new Map<string, Task>();
          const removed = new Set<string>();
          const failures: BulkFailure[] = [];
          results.forEach((result, i) => {
            const { task } = targets[i];
            if (result.problem) failures.push(failureOf(task, result));
            else if (result.task) updated.set(task.id, result.task);
            else removed.add(task.id);
          });
          this.list.items.update((items) => items.filter((t) => !removed.has(t.id)).map((t) => updated.get(t.id) ?? t));
          this.selectedIds.set(new Set(failures.map((f) => f.id)));
          this.failures.set(failures);
          const done = results.length - failures.length;
          this.summary.set(
            `${BULK_VERBS[action.kind]} ${plural(done)}.` +
              (failures.length ? ` ${plural(failures.length)} not changed (still selected).` : ''),
          );
          this.running.set(false);
          for (const f of failures) if (f.status === 412) this.reread(f.id);
        },
        error: (error: unknown) => {
          this.running.set(false);
          this.problem.set(toProblem(error));
        },
      });
  }

  /** A task changed elsewhere is read again, so the next try starts from what is stored. */
  private reread(id: string): void {
    this.tasks
      .get(id)
      .pipe(takeUntilDestroyed(this.destroyRef))
      .subscribe({
        next: (task) => this.list.items.update((items) => items.map((t) => (t.id === task.id ? task : t))),
        error: () => undefined,
      });
  }
}
