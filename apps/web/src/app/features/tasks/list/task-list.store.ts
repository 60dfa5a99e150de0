import { computed, DestroyRef, inject, Injectable, linkedSignal, signal } from '@angular/core';
import { rxResource, takeUntilDestroyed } from '@angular/core/rxjs-interop';
import { Observable } from 'rxjs';
import { Task, TaskStatus } from '../../../core/api/task.types';
import { ConnectivityService } from '../../../core/http/connectivity';
import { Problem, toProblem } from '../../../core/http/problem';
import { TaskService } from '../data/task.service';
import { DEFAULT_FILTERS, TaskFilters, toQuery } from '../data/task-filters';

/** A finished status change, for the page's "Undo". */
export interface StatusChange {
  task: Task;
  previous: TaskStatus;
}

/**
 * State of the task list page: filters, the loaded pages and per-task actions. Provided by
 * the page component, so it lives and dies with the page. The first page is a resource of
 * the filters (a newer filter cancels an older request); "load more" appends to it.
 */
@Injectable()
export class TaskListStore {
  private readonly tasks = inject(TaskService);
  private readonly connectivity = inject(ConnectivityService);
  private readonly destroyRef = inject(DestroyRef);

  readonly filters = signal<TaskFilters>(DEFAULT_FILTERS);
  private readonly reloads = signal(0);
  /** Set by {@link start}: the page asks once its frame has painted. */
  private readonly started = signal(false);

  private readonly firstPage = rxResource({
    params: () => (this.started() ? { filters: this.filters(), reload: this.reloads(), retry: this.connectivity.retryTick() } : undefined),
    stream: ({ params }) => this.tasks.list(toQuery(params.filters)),
  });

  /** The loaded tasks; reset by each new first page, kept while the next one loads. */
  readonly items = linkedSignal<Task[] | undefined, Task[]>({
    source: () => (this.firstPage.hasValue() ? this.firstPage.value().items : undefined),
    computation: (items, previous) => items ?? previous?.value ?? [],
  });
  readonly nextCursor = linkedSignal<string | null | undefined, string | null>({
    source: () => (this.firstPage.hasValue() ? (this.firstPage.value().nextCursor ?? null) : undefined),
    computation: (cursor, previous) => (cursor === undefined ? (previous?.value ?? null) : cursor),
  });

  readonly loading = this.firstPage.isLoading;
  readonly loaded = computed(() => this.firstPage.hasValue() && !this.firstPage.isLoading());
  private readonly firstPageProblem = computed(() => (this.firstPage.error() ? toProblem(this.firstPage.error()) : null));
  /** A filter expression the API refused: shown at the search field, at its position, not as a load failure. */
  readonly filterProblem = computed(() => {
    const problem = this.firstPageProblem();
    return problem?.code === 'TASK.FILTER_INVALID' ? { expression: this.filters().q.trim(), problem } : null;
  });
  readonly loadProblem = computed(() => (this.filterProblem() ? null : this.firstPageProblem()));
  readonly filtered = computed(() => {
    const neutral = { sort: '', order: '', mode: '' };
    return JSON.stringify({ ...this.filters(), ...neutral }) !== JSON.stringify({ ...DEFAULT_FILTERS, ...neutral });
  });
  /** The archive is shown (the "Archived" filter): its rows are restored, not edited. */
  readonly archived = computed(() => this.filters().archived);
  readonly loadingMore = signal(false);
  /** The last failed action (complete, delete, ...), shown above the list. */
  readonly actionProblem = signal<Problem | null>(null);
  /** Ids of tasks with an action in flight. */
  readonly busy = signal<ReadonlySet<string>>(new Set());

  /**
   * Starts loading. The page calls it after its first render, so the frame (quick add, search)
   * paints before the request is sent rather than in the same task.
   */
  start(): void {
    this.started.set(true);
  }

  setFilters(filters: TaskFilters): void {
    this.filters.set(filters);
  }

  reload(): void {
    this.actionProblem.set(null);
    this.reloads.update((n) => n + 1);
  }

  loadMore(): void {
    const cursor = this.nextCursor();
    if (!cursor || this.loadingMore() || this.firstPage.isLoading()) return;
    this.loadingMore.set(true);
    this.tasks
      .list(toQuery(this.filters(), cursor))
      .pipe(takeUntilDestroyed(this.destroyRef))
      .subscribe({
        next: (page) => {
          const known = new Set(this.items().map((t) => t.id));
          this.items.update((items) => [...items, ...page.items.filter((t) => !known.has(t.id))]);
          this.nextCursor.set(page.nextCursor ?? null);
          this.loadingMore.set(false);
        },
        error: (error: unknown) => {
          this.loadingMore.set(false);
          this.actionProblem.set(toProblem(error));
        },
      });
  }

  /** A task made elsewhere on the page (quick add) goes to the top. */
  add(task: Task): void {
    this.items.update((items) => [task, ...items.filter((t) => t.id !== task.id)]);
  }

  /** The checkbox: completes an open task, reopens a finished one. */
  toggle(task: Task, done?: (change: StatusChange) => void): void {
    this.setStatus(task, task.status === 'completed' ? 'todo' : 'completed', done);
  }

  /**
   * Optimistic: the row changes at once; the API call carries the version the user saw
   * (If-Match). On failure the row is put back and the reason shown; on a stale version
   * (412) the task is read again so the next try starts from what is stored.
   */
  setStatus(task: Task, status: TaskStatus, done?: (change: StatusChange) => void): void {
    if (this.busy().has(task.id) || task.status === status) return;
    this.setBusy(task.id, true);
    this.actionProblem.set(null);
    this.replace({ ...task, status, completedAt: status === 'completed' ? new Date().toISOString() : null });
    this.run(this.tasks.setStatus(task, status), task, (updated) => {
      // A recurring task's completion answers the occurrence it created: shown at the top, as a quick add.
      const { nextOccurrence, ...saved } = updated as Task & { nextOccurrence?: Task | null };
      this.replace(saved);
      if (nextOccurrence) this.add(nextOccurrence);
      done?.({ task: saved, previous: task.status });
    });
  }

  /** Puts a status change back (the snackbar's Undo), from the version the change produced. */
  undo(change: StatusChange): void {
    const current = this.items().find((t) => t.id === change.task.id) ?? change.task;
    this.setStatus(current, change.previous);
  }

  /** Deletes the task; an occurrence of a repeating task is replaced by the next one unless `series` ends it. */
  remove(task: Task, series = false): void {
    if (this.busy().has(task.id)) return;
    this.setBusy(task.id, true);
    this.actionProblem.set(null);
    this.run(this.tasks.delete(task.id, series), task, () => {
      this.items.update((items) => items.filter((t) => t.id !== task.id));
      // The API made the next occurrence: read the list again to show it.
      if (task.recurrence && !series) this.reload();
    });
  }

  /** Moves an archived task back among the current ones: it leaves the archive's list. */
  restore(task: Task, done?: (restored: Task) => void): void {
    if (this.busy().has(task.id)) return;
    this.setBusy(task.id, true);
    this.actionProblem.set(null);
    this.run(this.tasks.restore(task.id), task, (restored) => {
      this.items.update((items) => items.filter((t) => t.id !== task.id));
      done?.(restored);
    });
  }

  private run<T>(call: Observable<T>, before: Task, onSuccess: (value: T) => void): void {
    call.pipe(takeUntilDestroyed(this.destroyRef)).subscribe({
      next: (value) => {
        this.setBusy(before.id, false);
        onSuccess(value);
      },
      error: (error: unknown) => {
        this.setBusy(before.id, false);
        this.replace(before);
        this.actionProblem.set(this.explain(before, toProblem(error)));
        if (this.actionProblem()?.status === 412) this.refresh(before.id);
      },
    });
  }

  private explain(task: Task, problem: Problem): Problem {
    if (problem.status === 412)
      return {
        ...problem,
        message: `“${task.title}” was changed elsewhere, so nothing was saved. It now shows the latest version; try again.`,
      };
    if (problem.status === 409) return { ...problem, message: `“${task.title}” could not be changed: ${problem.message}` };
    if (problem.status === 404) return { ...problem, message: `“${task.title}” no longer exists.` };
    return { ...problem, message: `“${task.title}” was not saved: ${problem.message}` };
  }

  private refresh(id: string): void {
    this.tasks
      .get(id)
      .pipe(takeUntilDestroyed(this.destroyRef))
      .subscribe({ next: (task) => this.replace(task), error: () => undefined });
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
