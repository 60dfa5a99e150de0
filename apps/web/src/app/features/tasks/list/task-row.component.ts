import { ChangeDetectionStrategy, Component, computed, inject, input, output } from '@angular/core';
import { RouterLink } from '@angular/router';
import { PRIORITY_LABELS, STATUS_LABELS, Task } from '../../../core/api/task.types';
import { UserTimeZone } from '../../../core/preferences/user-time-zone';
import { dueState, formatDue } from '../data/due';
import { repeatLabel } from '../data/repeat-rule';

/** Row height in px: the virtual scroll needs every row the same height. */
export const TASK_ROW_HEIGHT = 76;

/**
 * One task as a compact row: a checkbox that completes or reopens it, the title (a link to
 * edit), priority, due date and tags on one line, and delete. Overdue and due-soon say so in
 * words too. An archived task's row has "Restore" instead, and nothing to edit.
 */
@Component({
  selector: 'pt-task-row',
  imports: [RouterLink],
  changeDetection: ChangeDetectionStrategy.OnPush,
  host: {
    role: 'listitem',
    '[class.overdue]': "due() === 'overdue'",
    '[class.due-soon]': "due() === 'due-soon'",
    '[class.done]': 'done()',
    '[class.selected]': 'selected()',
    '[class.picked]': 'picked()',
    '[attr.data-testid]': "'task-row'",
    '[attr.data-task-id]': 'task().id',
    '[attr.aria-setsize]': 'setSize()',
    '[attr.aria-posinset]': 'position()',
  },
  template: `
    <div class="row">
      <span class="pick">
        @if (!archived()) {
          <input
            type="checkbox"
            [id]="'pick-' + task().id"
            [checked]="picked()"
            (change)="pickedChange.emit(task())"
            [attr.aria-label]="'Select ' + task().title"
            data-testid="task-select"
          />
        }
      </span>
      <span class="check">
        <input
          type="checkbox"
          [id]="'done-' + task().id"
          [checked]="task().status === 'completed'"
          [disabled]="archived() || task().status === 'cancelled'"
          (change)="toggleDone.emit(task())"
          [attr.aria-label]="task().title"
          [attr.aria-describedby]="'meta-' + task().id"
          data-testid="task-check"
        />
      </span>
      <div class="body">
        @if (archived()) {
          <span class="title" data-testid="task-title">{{ task().title }}</span>
        } @else {
          <a
            class="title"
            [routerLink]="['/tasks', task().id, 'edit']"
            [attr.aria-label]="'Edit ' + task().title"
            data-testid="task-title"
            >{{ task().title }}</a
          >
        }
        <p class="meta" [id]="'meta-' + task().id">
          @if (task().status === 'in_progress' || task().status === 'cancelled') {
            <span class="badge status" data-testid="task-status">{{ statusLabel() }}</span>
          }
          <span class="badge priority" [attr.data-priority]="task().priority">{{ priorityLabel() }} priority</span>
          @if (task().dueDate) {
            <span class="badge due" data-testid="task-due">
              @switch (due()) {
                @case ('overdue') {
                  <strong>Overdue</strong> ·
                }
                @case ('due-soon') {
                  <strong>Due soon</strong> ·
                }
              }
              {{ dueLabel() }}
            </span>
          }
          @if (repeatText(); as repeat) {
            <span class="badge repeat" data-testid="task-repeat" [attr.title]="task().recurrence?.rule"
              ><svg class="repeat-icon" viewBox="0 0 24 24" width="14" height="14" aria-hidden="true" focusable="false">
                <path fill="currentColor" d="M7 7h10v3l4-4-4-4v3H5v6h2V7zm10 10H7v-3l-4 4 4 4v-3h12v-6h-2v4z" />
              </svg>
              {{ repeat }}</span
            >
          }
          @for (tag of task().tags; track tag) {
            <span class="tag">#{{ tag }}</span>
          }
        </p>
      </div>
      @if (archived()) {
        <button
          type="button"
          class="restore"
          [id]="'restore-' + task().id"
          (click)="restoreTask.emit(task())"
          [attr.aria-label]="'Restore ' + task().title"
          data-testid="task-restore"
        >
          Restore
        </button>
      } @else {
        <button type="button" class="delete" (click)="deleteTask.emit(task())" [attr.aria-label]="'Delete ' + task().title">Delete</button>
      }
    </div>
  `,
  styles: `
    :host {
      display: block;
      height: 76px; // TASK_ROW_HEIGHT
      box-sizing: border-box;
      padding-bottom: 8px;
    }
    .row {
      height: 100%;
      box-sizing: border-box;
      display: flex;
      align-items: center;
      gap: 8px;
      padding: 0 8px 0 4px;
      border: 1px solid var(--mat-sys-outline-variant);
      border-left: 6px solid var(--mat-sys-outline-variant);
      border-radius: 12px;
      background: var(--mat-sys-surface-container-lowest);
    }
    :host(.selected) .row {
      outline: 2px solid var(--mat-sys-primary);
      outline-offset: 1px;
    }
    :host(.due-soon) .row {
      border-left-color: var(--pt-warn-edge);
    }
    :host(.overdue) .row {
      border-left-color: var(--mat-sys-error);
      background: var(--mat-sys-error-container);
      color: var(--mat-sys-on-error-container);
    }
    :host(.picked) .row {
      background: var(--mat-sys-secondary-container);
      color: var(--mat-sys-on-secondary-container);
    }
    // Selecting for a bulk action: a small square in the gutter, apart from the round-ish completion box.
    .pick {
      flex: none;
      display: grid;
      place-items: center;
      width: 32px;
      height: 44px;
    }
    .pick input {
      width: 16px;
      height: 16px;
      margin: 0;
      cursor: pointer;
    }
    .check {
      flex: none;
      display: grid;
      place-items: center;
      width: 44px;
      height: 44px;
    }
    .check input {
      width: 22px;
      height: 22px;
      margin: 0;
      accent-color: var(--mat-sys-primary);
      cursor: pointer;
    }
    .body {
      flex: 1;
      min-width: 0;
    }
    .title {
      display: block;
      font: var(--mat-sys-title-medium);
      color: inherit;
      text-decoration: none;
      white-space: nowrap;
      overflow: hidden;
      text-overflow: ellipsis;
    }
    .title:hover {
      text-decoration: underline;
    }
    :host(.done) .title {
      text-decoration: line-through;
      color: var(--mat-sys-on-surface-variant);
    }
    .meta {
      display: flex;
      gap: 6px;
      margin: 4px 0 0;
      white-space: nowrap;
      overflow: hidden;
      font: var(--mat-sys-label-medium);
      color: var(--mat-sys-on-surface-variant);
    }
    :host(.overdue) .meta {
      color: inherit;
    }
    .repeat-icon {
      vertical-align: -2px;
    }
    .badge {
      padding: 1px 8px;
      border-radius: 999px;
      background: var(--mat-sys-surface-container-high);
      color: var(--mat-sys-on-surface);
    }
    .status {
      background: var(--mat-sys-primary-container);
      color: var(--mat-sys-on-primary-container);
    }
    .priority[data-priority='urgent'],
    .priority[data-priority='high'] {
      background: var(--mat-sys-tertiary-container);
      color: var(--mat-sys-on-tertiary-container);
    }
    :host(.overdue) .due {
      background: var(--mat-sys-error);
      color: var(--mat-sys-on-error);
    }
    :host(.due-soon) .due {
      background: var(--pt-warn-container);
      color: var(--pt-on-warn-container);
    }
    .tag {
      padding: 1px 0;
    }
    /* The row's text buttons: delete, and restore on an archived row. */
    .delete,
    .restore {
      flex: none;
      min-height: 40px;
      padding: 0 12px;
      border: 0;
      border-radius: 20px;
      background: transparent;
      font: var(--mat-sys-label-large);
      cursor: pointer;
    }
    .delete {
      color: var(--mat-sys-error);
    }
    .delete:hover {
      background: var(--mat-sys-error-container);
    }
    .restore {
      color: var(--mat-sys-primary);
    }
    .restore:hover {
      background: var(--mat-sys-primary-container);
    }
    :host(.overdue) .delete {
      color: var(--mat-sys-on-error-container);
    }
  `,
})
export class TaskRowComponent {
  readonly task = input.required<Task>();
  readonly selected = input(false);
  /** Chosen for a bulk action (the selection checkbox), apart from completion. */
  readonly picked = input(false);
  readonly pickedChange = output<Task>();
  readonly position = input<number | null>(null);
  readonly setSize = input<number | null>(null);
  readonly toggleDone = output<Task>();
  readonly deleteTask = output<Task>();
  /** A row of the archive: no edit, selection or deletion; "Restore" brings it back. */
  readonly archived = input(false);
  readonly restoreTask = output<Task>();

  protected readonly due = computed(() => dueState(this.task()));
  protected readonly repeatText = computed(() => {
    const recurrence = this.task().recurrence;
    return recurrence ? repeatLabel(recurrence) : '';
  });
  protected readonly done = computed(() => this.task().status === 'completed' || this.task().status === 'cancelled');
  protected readonly statusLabel = computed(() => STATUS_LABELS[this.task().status]);
  protected readonly priorityLabel = computed(() => PRIORITY_LABELS[this.task().priority]);
  /** The user's preferred zone when it differs from the browser's (null: the browser's). */
  private readonly zone = inject(UserTimeZone).zone;
  protected readonly dueLabel = computed(() => {
    const due = this.task().dueDate;
    return due ? `Due ${formatDue(new Date(due), new Date(), this.zone())}` : '';
  });
}
