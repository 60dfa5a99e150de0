import { DestroyRef, inject, Injectable, signal } from '@angular/core';
import { takeUntilDestroyed } from '@angular/core/rxjs-interop';
import { catchError, map, Observable, of, Subject, switchMap } from 'rxjs';
import { Task } from '../../../core/api/task.types';
import { createCallState } from '../../../core/http/call-state';
import { Problem, toProblem } from '../../../core/http/problem';
import { TaskService } from '../data/task.service';
import { DEFAULT_FILTERS, TaskFilters, toQuery } from '../data/task-filters';

type PageResult = { items: Task[]; nextCursor: string | null } | { problem: Problem };

/**
 * State of the task list page: filters, the loaded pages and per-task actions. Provided by
 * the page component, so it lives and dies with the page.
 */
@Injectable()
export class TaskListStore {
  private readonly tasks = inject(TaskService);
  private readonly destroyRef = inject(DestroyRef);
  private readonly firstPage$ = new Subject<TaskFilters>();

  readonly filters = signal<TaskFilters>(DEFAULT_FILTERS);
  readonly items = signal<Task[]>([]);
  readonly nextCursor = signal<string | null>(null);
  readonly call = createCallState();
  readonly loadingMore = signal(false);
  /** The last failed action (complete, delete, ...), shown above the list. */
  readonly actionProblem = signal<Problem | null>(null);
  /** Ids of tasks with an action in flight, to disable their buttons. */
  readonly busy = signal<ReadonlySet<string>>(new Set());

  constructor() {
    // switchMap: a newer filter wins, a stale response never overwrites it.
    this.firstPage$
      .pipe(
        switchMap((filters) => {
          this.call.setLoading();
          return this.fetch(filters);
        }),
        takeUntilDestroyed(this.destroyRef),
      )
      .subscribe((result) => {
        if ('problem' in result) {
          this.call.setProblem(result.problem);
          return;
        }
        this.items.set(result.items);
        this.nextCursor.set(result.nextCursor);
        this.call.setLoaded();
      });
  }

  setFilters(filters: TaskFilters): void {
    this.filters.set(filters);
    this.reload();
  }

  reload(): void {
    this.actionProblem.set(null);
    this.firstPage$.next(this.filters());
  }

  loadMore(): void {
    const cursor = this.nextCursor();
    if (!cursor || this.loadingMore()) return;
    this.loadingMore.set(true);
    this.fetch(this.filters(), cursor)
      .pipe(takeUntilDestroyed(this.destroyRef))
      .subscribe((result) => {
        this.loadingMore.set(false);
        if ('problem' in result) {
          this.actionProblem.set(result.problem);
          return;
        }
        const known = new Set(this.items().map((t) => t.id));
        this.items.update((items) => [...items, ...result.items.filter((t) => !known.has(t.id))]);
        this.nextCursor.set(result.nextCursor);
      });
  }

  complete(task: Task): void {
    this.act(task, this.tasks.complete(task.id), (updated) => this.replace(updated));
  }

  reopen(task: Task): void {
    this.act(task, this.tasks.reopen(task.id), (updated) => this.replace(updated));
  }

  remove(task: Task): void {
    this.act(task, this.tasks.delete(task.id), () => this.items.update((items) => items.filter((t) => t.id !== task.id)));
  }

  private fetch(filters: TaskFilters, cursor?: string): Observable<PageResult> {
    return this.tasks.list(toQuery(filters, cursor)).pipe(
      map((page): PageResult => ({ items: page.items, nextCursor: page.nextCursor ?? null })),
      catchError((error: unknown) => of({ problem: toProblem(error) })),
    );
  }

  private act<T>(task: Task, call: Observable<T>, onSuccess: (value: T) => void): void {
    if (this.busy().has(task.id)) return;
    this.setBusy(task.id, true);
    this.actionProblem.set(null);
    call.pipe(takeUntilDestroyed(this.destroyRef)).subscribe({
      next: (value) => onSuccess(value),
      error: (error: unknown) => {
        this.setBusy(task.id, false);
        this.actionProblem.set(toProblem(error));
      },
      complete: () => this.setBusy(task.id, false),
    });
  }

  private replace(updated: Task): void {
    this.items.update((items) => items.map((t) => (t.id === updated.id ? updated : t)));
  }

  private setBusy(id: string, busy: boolean): void {
    this.busy.update((ids) => {
      const next = new Set(ids);
      if (busy) next.add(id);
      else next.delete(id);
      return next;
    });
  }
}
