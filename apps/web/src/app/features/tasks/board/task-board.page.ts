import { LiveAnnouncer } from '@angular/cdk/a11y';
import { CdkDrag, CdkDragDrop, CdkDropList, CdkDropListGroup } from '@angular/cdk/drag-drop';
import { ChangeDetectionStrategy, Component, DestroyRef, inject, linkedSignal, signal } from '@angular/core';
import { rxResource, takeUntilDestroyed } from '@angular/core/rxjs-interop';
import { MatButtonModule } from '@angular/material/button';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { RouterLink } from '@angular/router';
import { forkJoin, map } from 'rxjs';
import { PRIORITY_LABELS, STATUS_LABELS, Task, TASK_STATUSES, TaskStatus } from '../../../core/api/task.types';
import { ConnectivityService } from '../../../core/http/connectivity';
import { toProblem } from '../../../core/http/problem';
import { dueState, formatDue } from '../data/due';
import { TaskService } from '../data/task.service';
import { TaskViewsComponent } from '../task-views.component';
import { Columns, emptyColumns, locate, moveCard, neighbour, replaceCard } from './board-moves';
import { UserTimeZone } from '../../../core/preferences/user-time-zone';

const PER_COLUMN = 200;

/**
 * Columns per status. A card moves by drag and drop (CDK) or by its move buttons (keyboard);
 * the move is shown at once and sent with the version the card was read at (If-Match). When the
 * API refuses (a stale version, a move the task's state does not allow), the card goes back
 * and the reason is shown and announced.
 */
@Component({
  selector: 'pt-task-board-page',
  imports: [RouterLink, CdkDropListGroup, CdkDropList, CdkDrag, MatButtonModule, MatProgressBarModule, TaskViewsComponent],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './task-board.page.html',
  styleUrl: './task-board.page.scss',
})
export class TaskBoardPage {
  private readonly tasks = inject(TaskService);
  private readonly connectivity = inject(ConnectivityService);
  private readonly announcer = inject(LiveAnnouncer);
  private readonly destroyRef = inject(DestroyRef);
  /** The user's preferred zone for due labels, when it differs from the browser's. */
  private readonly zone = inject(UserTimeZone).zone;
  private readonly reloads = signal(0);

  protected readonly statuses = TASK_STATUSES;
  protected readonly statusLabels = STATUS_LABELS;
  protected readonly priorityLabels = PRIORITY_LABELS;

  protected readonly board = rxResource({
    params: () => ({ reload: this.reloads(), retry: this.connectivity.retryTick() }),
    stream: () =>
      forkJoin(TASK_STATUSES.map((status) => this.tasks.listAll({ status: [status], sort: 'updatedAt', order: 'desc' }, PER_COLUMN))).pipe(
        map((lists) => {
          const columns = emptyColumns();
          const partial: TaskStatus[] = [];
          TASK_STATUSES.forEach((status, i) => {
            columns[status] = lists[i].items;
            if (!lists[i].complete) partial.push(status);
          });
          return { columns, partial };
        }),
      ),
  });

  protected readonly columns = linkedSignal<Columns>(() => (this.board.hasValue() ? this.board.value().columns : emptyColumns()));
  protected readonly problem = signal<string | null>(null);
  protected readonly moving = signal<ReadonlySet<string>>(new Set());

  protected reload(): void {
    this.problem.set(null);
    this.reloads.update((n) => n + 1);
  }

  protected drop(event: CdkDragDrop<TaskStatus, TaskStatus, Task>): void {
    const to = event.container.data;
    if (event.previousContainer === event.container) return; // no manual order within a column
    this.move(event.item.data, to, event.currentIndex);
  }

  protected step(task: Task, direction: -1 | 1): void {
    const to = neighbour(task.status, direction);
    if (to) this.move(task, to, 0, true);
  }

  protected neighbourLabel(status: TaskStatus, direction: -1 | 1): string | null {
    const to = neighbour(status, direction);
    return to ? STATUS_LABELS[to] : null;
  }

  protected due(task: Task): string | null {
    if (!task.dueDate) return null;
    const state = dueState(task);
    return `${state === 'overdue' ? 'Overdue · ' : state === 'due-soon' ? 'Due soon · ' : ''}Due ${formatDue(new Date(task.dueDate), new Date(), this.zone())}`;
  }

  protected dueClass(task: Task): string {
    return dueState(task) ?? '';
  }

  private move(task: Task, to: TaskStatus, index: number, refocus = false): void {
    const from = locate(this.columns(), task.id);
    if (!from || from.status === to || this.moving().has(task.id)) return;
    const original = this.columns()[from.status][from.index];
    this.setMoving(task.id, true);
    this.problem.set(null);
    this.columns.update((cols) => moveCard(cols, { ...original, status: to }, from.status, to, index));
    if (refocus) this.focusCard(task.id);
    this.tasks
      .setStatus(original, to)
      .pipe(takeUntilDestroyed(this.destroyRef))
      .subscribe({
        next: (updated) => {
          this.setMoving(task.id, false);
          this.columns.update((cols) => replaceCard(cols, updated));
          void this.announcer.announce(`Moved “${updated.title}” to ${STATUS_LABELS[to]}.`, 'polite');
        },
        error: (error: unknown) => {
          this.setMoving(task.id, false);
          const problem = toProblem(error);
          const now = locate(this.columns(), task.id);
          if (now) this.columns.update((cols) => moveCard(cols, original, now.status, from.status, from.index));
          if (refocus) this.focusCard(task.id);
          const why =
            problem.status === 412
              ? 'it was changed elsewhere (reload the board to see the latest version)'
              : problem.status === 409
                ? problem.message
                : problem.message;
          const message = `Could not move “${original.title}” to ${STATUS_LABELS[to]}: ${why}. It is back in ${STATUS_LABELS[from.status]}.`;
          this.problem.set(message);
          void this.announcer.announce(message, 'assertive');
          if (problem.status === 412) this.refresh(task.id);
        },
      });
  }

  private refresh(id: string): void {
    this.tasks
      .get(id)
      .pipe(takeUntilDestroyed(this.destroyRef))
      .subscribe({ next: (task) => this.columns.update((cols) => replaceCard(cols, task)), error: () => undefined });
  }

  /** After a keyboard move the card is re-rendered in its new column; keep focus on it. */
  private focusCard(id: string): void {
    requestAnimationFrame(() => document.querySelector<HTMLElement>(`[data-card-id="${id}"]`)?.focus());
  }

  private setMoving(id: string, on: boolean): void {
    this.moving.update((ids) => {
      const next = new Set(ids);
      if (on) next.add(id);
      else next.delete(id);
      return next;
    });
  }
}
