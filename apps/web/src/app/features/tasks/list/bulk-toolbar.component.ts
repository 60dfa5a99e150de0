import { ChangeDetectionStrategy, Component, input, output, signal } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { PRIORITY_LABELS, TASK_PRIORITIES, TaskPriority } from '../../../core/api/task.types';
import { normaliseTag } from './bulk-operations';

/**
 * What can be done to the selected tasks at once: complete, change the priority, add a tag,
 * delete (the page asks first), or clear the selection. Plain labelled controls, so it works the
 * same from the keyboard and needs no form-field code on the list page.
 */
@Component({
  selector: 'pt-bulk-toolbar',
  imports: [MatButtonModule],
  changeDetection: ChangeDetectionStrategy.OnPush,
  host: { role: 'region', 'aria-label': 'Selected tasks', 'data-testid': 'bulk-toolbar' },
  template: `
    <p class="count" data-testid="bulk-count">{{ count() }} selected</p>
    <button mat-flat-button type="button" (click)="complete.emit()" [disabled]="busy()" data-testid="bulk-complete">Complete</button>
    <span class="group">
      <label for="bulk-priority">Priority</label>
      <select id="bulk-priority" #priority data-testid="bulk-priority-select">
        @for (p of priorities; track p) {
          <option [value]="p">{{ labels[p] }}</option>
        }
      </select>
      <button
        mat-stroked-button
        type="button"
        (click)="setPriority.emit($any(priority.value))"
        [disabled]="busy()"
        data-testid="bulk-priority"
      >
        Set priority
      </button>
    </span>
    <form class="group" (submit)="submitTag($event, tag)">
      <label for="bulk-tag">Tag</label>
      <input
        id="bulk-tag"
        #tag
        type="text"
        maxlength="33"
        autocomplete="off"
        [attr.aria-invalid]="tagError() ? true : null"
        [attr.aria-describedby]="tagError() ? 'bulk-tag-error' : null"
        data-testid="bulk-tag-input"
      />
      <button mat-stroked-button type="submit" [disabled]="busy()" data-testid="bulk-tag">Add tag</button>
      @if (tagError()) {
        <span id="bulk-tag-error" class="error">{{ tagError() }}</span>
      }
    </form>
    <button mat-stroked-button type="button" class="danger" (click)="delete.emit()" [disabled]="busy()" data-testid="bulk-delete">
      Delete
    </button>
    <button mat-button type="button" (click)="clear.emit()" data-testid="bulk-clear">Clear selection</button>
  `,
  styles: `
    :host {
      display: flex;
      flex-wrap: wrap;
      align-items: center;
      gap: 8px 12px;
      padding: 8px 12px;
      margin: 8px 0;
      border-radius: 12px;
      background: var(--mat-sys-secondary-container);
      color: var(--mat-sys-on-secondary-container);
    }
    .count {
      margin: 0;
      font: var(--mat-sys-title-small);
    }
    .group {
      display: inline-flex;
      align-items: center;
      gap: 6px;
      margin: 0;
    }
    select,
    input {
      min-height: 36px;
      padding: 0 8px;
      border: 1px solid var(--mat-sys-outline);
      border-radius: 8px;
      background: var(--mat-sys-surface);
      color: var(--mat-sys-on-surface);
      font: var(--mat-sys-body-medium);
    }
    input {
      width: 9em;
    }
    .error {
      color: var(--mat-sys-error);
      font: var(--mat-sys-label-medium);
    }
    .danger {
      color: var(--mat-sys-error);
    }
  `,
})
export class BulkToolbarComponent {
  readonly count = input.required<number>();
  readonly busy = input(false);
  readonly complete = output<void>();
  readonly delete = output<void>();
  readonly setPriority = output<TaskPriority>();
  readonly addTag = output<string>();
  readonly clear = output<void>();

  protected readonly priorities = TASK_PRIORITIES;
  protected readonly labels = PRIORITY_LABELS;
  protected readonly tagError = signal<string | null>(null);

  protected submitTag(event: Event, field: HTMLInputElement): void {
    event.preventDefault();
    const tag = normaliseTag(field.value);
    if (!tag) {
      this.tagError.set('A tag is 1 to 32 characters.');
      return;
    }
    this.tagError.set(null);
    field.value = '';
    this.addTag.emit(tag);
  }
}
