import { CdkVirtualScrollViewport, ScrollingModule } from '@angular/cdk/scrolling';
import {
  afterNextRender,
  ChangeDetectionStrategy,
  Component,
  computed,
  DestroyRef,
  DOCUMENT,
  inject,
  Injector,
  signal,
  viewChild,
} from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { Router, RouterLink } from '@angular/router';
import { Task } from '../../../core/api/task.types';
import { afterFirstPaint } from '../../../core/after-paint';
import { ShortcutService } from '../../../core/shortcuts/shortcuts';
import { choose, confirm, notify } from '../../../shared/lazy-overlays';
import { QuickAddComponent } from '../quick-add/quick-add.component';
import { TaskViewsComponent } from '../task-views.component';
import { toQuery } from '../data/task-filters';
import { TaskTransferComponent } from '../transfer/task-transfer.component';
import { BulkToolbarComponent } from './bulk-toolbar.component';
import { TaskBulkStore } from './task-bulk.store';
import { TaskFiltersComponent } from './task-filters.component';
import { StatusChange, TaskListStore } from './task-list.store';
import { TASK_ROW_HEIGHT, TaskRowComponent } from './task-row.component';

/**
 * The task list: quick add, filters, and a virtually scrolled list (only the rows on screen are
 * in the DOM, so 1,000 tasks scroll as smoothly as 10). More pages load as the end comes into
 * view. Keyboard: n, /, j, k, x, e (see the shortcuts dialog).
 */
@Component({
  selector: 'pt-task-list-page',
  imports: [
    RouterLink,
    ScrollingModule,
    MatButtonModule,
    TaskFiltersComponent,
    TaskRowComponent,
    QuickAddComponent,
    TaskViewsComponent,
    BulkToolbarComponent,
    TaskTransferComponent,
  ],
  providers: [TaskListStore, TaskBulkStore],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './task-list.page.html',
  styleUrl: './task-list.page.scss',
})
export class TaskListPage {
  protected readonly store = inject(TaskListStore);
  protected readonly bulk = inject(TaskBulkStore);
  /** Export takes the list's filters, without its paging. */
  protected readonly exportQuery = computed(() => {
    const { limit: _limit, cursor: _cursor, ...query } = toQuery(this.store.filters());
    return query;
  });
  private readonly injector = inject(Injector);
  /** The page's last snack bar: "Undo" means nothing on another page, so it leaves with this one. */
  private snack: Promise<{ dismiss: () => void }> | null = null;
  private readonly router = inject(Router);
  private readonly document = inject(DOCUMENT);
  private readonly viewport = viewChild(CdkVirtualScrollViewport);
  private readonly quickAdd = viewChild.required(QuickAddComponent);
  private readonly filters = viewChild.required(TaskFiltersComponent);

  protected readonly rowHeight = TASK_ROW_HEIGHT;
  /** The row j/k moved to (x and e act on it). */
  protected readonly selected = signal(-1);
  protected readonly selectedTask = computed(() => this.store.items()[this.selected()] ?? null);

  constructor() {
    inject(ShortcutService).register({
      n: () => this.quickAdd().focus(),
      '/': () => this.filters().focusSearch(),
      j: () => this.select(this.selected() + 1),
      k: () => this.select(Math.max(0, this.selected() - 1)),
      x: () => {
        const task = this.selectedTask();
        if (task && !this.store.archived()) this.toggle(task);
      },
      e: () => {
        const task = this.selectedTask();
        if (task && !this.store.archived()) void this.router.navigate(['/tasks', task.id, 'edit']);
      },
    });
    inject(DestroyRef).onDestroy(() => void this.snack?.then((s) => s.dismiss()));
    // `n` or `/` pressed on another page lands here with the field to focus.
    // The rows' request goes out once the frame (quick add, search) has painted.
    afterFirstPaint(() => this.store.start());
    afterNextRender(() => {
      const state = this.document.defaultView?.history.state as { focusQuickAdd?: boolean; focusSearch?: boolean } | null;
      setTimeout(() => {
        if (state?.focusQuickAdd) this.quickAdd().focus();
        else if (state?.focusSearch) this.filters().focusSearch();
      });
    });
  }

  protected trackById(_: number, task: Task): string {
    return task.id;
  }

  protected created(task: Task): void {
    // A new task is a current one: it has no place in the archive's list.
    if (!this.store.archived()) this.store.add(task);
    this.snack = notify(this.injector, `Added “${task.title}”.`, undefined, 4000);
  }

  protected toggle(task: Task): void {
    this.store.toggle(task, (change) => this.offerUndo(change));
  }

  protected restore(task: Task): void {
    this.store.restore(task, (restored) => {
      this.snack = notify(this.injector, `Restored “${restored.title}” to your tasks.`, undefined, 4000);
    });
  }

  protected onScroll(index: number): void {
    // Load the next page while the last rows are still a screen away.
    const viewport = this.viewport();
    if (!viewport) return;
    const visible = Math.ceil(viewport.getViewportSize() / TASK_ROW_HEIGHT);
    if (index + visible * 2 >= this.store.items().length) this.store.loadMore();
  }

  protected focusedRow(index: number): void {
    this.selected.set(index);
  }

  protected confirmDelete(task: Task): void {
    if (task.recurrence && task.status !== 'completed' && task.status !== 'cancelled') {
      void choose(this.injector, {
        title: 'Delete a repeating task?',
        message: `Delete only this “${task.title}” (the next one takes its place), or end the series so it does not come back.`,
        confirmLabel: 'Delete this one',
        alternativeLabel: 'End the series',
      }).then((choice) => choice && this.store.remove(task, choice === 'alternative'));
      return;
    }
    void confirm(this.injector, {
      title: 'Delete task?',
      message: `“${task.title}” will be deleted for good.`,
      confirmLabel: 'Delete',
    }).then((yes) => yes && this.store.remove(task));
  }

  protected confirmBulkDelete(): void {
    const count = this.bulk.count();
    void confirm(this.injector, {
      title: `Delete ${count} task${count === 1 ? '' : 's'}?`,
      message: `The ${count === 1 ? 'selected task' : `${count} selected tasks`} will be deleted for good.`,
      confirmLabel: 'Delete',
    }).then((yes) => yes && this.bulk.run({ kind: 'delete' }));
  }

  private offerUndo(change: StatusChange): void {
    const what = change.task.status === 'completed' ? 'Completed' : 'Reopened';
    this.snack = notify(this.injector, `${what} “${change.task.title}”.`, { label: 'Undo', run: () => this.store.undo(change) }, 6000);
  }

  /** Moves the selection, scrolls the row into view and focuses its checkbox. */
  private select(index: number): void {
    const count = this.store.items().length;
    if (!count) return;
    const i = Math.min(Math.max(0, index), count - 1);
    this.selected.set(i);
    const viewport = this.viewport();
    const id = this.store.items()[i].id;
    const focus = () => {
      // An archived row's completion box is disabled: its Restore button takes the focus.
      const box = this.store.archived() ? this.document.getElementById(`restore-${id}`) : this.document.getElementById(`done-${id}`);
      if (!box) return false;
      box.focus({ preventScroll: false });
      box.closest('[role="listitem"]')?.scrollIntoView({ block: 'nearest' });
      return true;
    };
    if (focus()) return;
    viewport?.scrollToIndex(i);
    // The row is rendered on the next frame once the viewport has moved.
    const retry = (n: number) => requestAnimationFrame(() => focus() || (n > 0 && retry(n - 1)));
    retry(10);
  }
}
