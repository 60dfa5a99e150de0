import { ChangeDetectionStrategy, Component, computed, ElementRef, inject, input, output, signal, viewChild } from '@angular/core';
import { takeUntilDestroyed, toSignal } from '@angular/core/rxjs-interop';
import { NonNullableFormBuilder, ReactiveFormsModule } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatCheckbox } from '@angular/material/checkbox';
import { MatFormField, MatLabel } from '@angular/material/form-field';
import { MatInput } from '@angular/material/input';
import { MatOption, MatSelect } from '@angular/material/select';
import { debounceTime, distinctUntilChanged, map, merge, Subject } from 'rxjs';
import { PRIORITY_LABELS, STATUS_LABELS, TASK_PRIORITIES, TASK_STATUSES } from '../../../core/api/task.types';
import { Problem } from '../../../core/http/problem';
import { DEFAULT_FILTERS, TaskFilters } from '../data/task-filters';

/** A filter expression the API refused, with the text it refused (positions count in it). */
export interface FilterError {
  expression: string;
  problem: Problem;
}

/**
 * Search, filters and sort for the task list; emits the whole filter set on every change. The
 * search field has two modes: words to search for (sent as you type), or, with "Expression"
 * pressed, a filter expression (`priority >= high and tag = work`), applied on Enter so a half-typed
 * expression is not refused at every key; a refused one is shown under the field, its position marked.
 */
@Component({
  selector: 'pt-task-filters',
  // Material fields as standalone imports used only inside the @defer block, so they load with it.
  imports: [ReactiveFormsModule, MatFormField, MatLabel, MatInput, MatSelect, MatOption, MatCheckbox, MatButtonModule],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './task-filters.component.html',
  styleUrl: './task-filters.component.scss',
})
export class TaskFiltersComponent {
  readonly filtersChange = output<TaskFilters>();
  /** Set by the page when the API refused the applied expression. */
  readonly filterError = input<FilterError | null>(null);

  protected readonly statuses = TASK_STATUSES;
  protected readonly priorities = TASK_PRIORITIES;
  protected readonly statusLabels = STATUS_LABELS;
  protected readonly priorityLabels = PRIORITY_LABELS;
  // Arrays are wrapped in [value] so the builder treats them as one control's value.
  protected readonly form = inject(NonNullableFormBuilder).group({
    ...DEFAULT_FILTERS,
    status: [DEFAULT_FILTERS.status],
    priority: [DEFAULT_FILTERS.priority],
  });

  /** Whether the filters beyond search are shown on a narrow screen. */
  protected readonly expanded = signal(false);
  private readonly value = toSignal(this.form.valueChanges.pipe(map(() => this.form.getRawValue())), {
    initialValue: this.form.getRawValue(),
  });
  protected readonly filterMode = computed(() => this.value().mode === 'filter');
  /** The refused expression and a line of spaces ending under the offending character. */
  protected readonly error = computed(() => {
    const e = this.filterError();
    if (!e) return null;
    const position = Math.min(Math.max(e.problem.position ?? 0, 0), e.expression.length);
    return { expression: e.expression, marker: `${' '.repeat(position)}^`, column: position + 1, message: e.problem.message };
  });
  protected readonly activeCount = computed(() => {
    const v = this.value();
    return [v.status.length, v.priority.length, v.tag.trim(), v.dueAfter, v.dueBefore, v.overdue, v.archived].filter(Boolean).length;
  });

  /** The expression last applied (Enter, or switching to expression mode); typing alone does not send it. */
  private applied = '';
  private readonly applies = new Subject<void>();

  constructor() {
    // Debounced so typing a search sends one request, not one per key; Enter sends at once.
    merge(this.form.valueChanges.pipe(debounceTime(300)), this.applies)
      .pipe(
        map(() => this.current()),
        distinctUntilChanged((a, b) => JSON.stringify(a) === JSON.stringify(b)),
        takeUntilDestroyed(),
      )
      .subscribe((filters) => this.filtersChange.emit(filters));
  }

  private readonly search = viewChild.required<ElementRef<HTMLInputElement>>('search');

  /** The `/` shortcut. */
  focusSearch(): void {
    this.search().nativeElement.focus();
  }

  private current(): TaskFilters {
    const raw = this.form.getRawValue();
    return raw.mode === 'filter' ? { ...raw, q: this.applied } : raw;
  }

  /** Enter in the search field. */
  protected apply(): void {
    if (this.form.controls.mode.value === 'filter') this.applied = this.form.controls.q.value;
    this.applies.next();
  }

  /** The "Expression" toggle: the text in the field is applied in the new mode at once. */
  protected toggleMode(): void {
    const next = this.form.controls.mode.value === 'filter' ? 'search' : 'filter';
    this.applied = this.form.controls.q.value;
    this.form.controls.mode.setValue(next);
    this.applies.next();
    this.focusSearch();
  }

  protected clear(): void {
    this.applied = '';
    this.form.reset(DEFAULT_FILTERS);
  }
}
