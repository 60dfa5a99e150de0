import { ChangeDetectionStrategy, Component, computed, ElementRef, inject, output, signal, viewChild } from '@angular/core';
import { takeUntilDestroyed, toSignal } from '@angular/core/rxjs-interop';
import { NonNullableFormBuilder, ReactiveFormsModule } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatCheckbox } from '@angular/material/checkbox';
import { MatFormField, MatLabel } from '@angular/material/form-field';
import { MatInput } from '@angular/material/input';
import { MatOption, MatSelect } from '@angular/material/select';
import { debounceTime, distinctUntilChanged, map } from 'rxjs';
import { PRIORITY_LABELS, STATUS_LABELS, TASK_PRIORITIES, TASK_STATUSES } from '../../../core/api/task.types';
import { DEFAULT_FILTERS, TaskFilters } from '../data/task-filters';

/** Search, filters and sort for the task list; emits the whole filter set on every change. */
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
  protected readonly activeCount = computed(() => {
    const v = this.value();
    return [v.status.length, v.priority.length, v.tag.trim(), v.dueAfter, v.dueBefore, v.overdue].filter(Boolean).length;
  });

  constructor() {
    // Debounced so typing a search sends one request, not one per key.
    this.form.valueChanges
      .pipe(
        debounceTime(300),
        map(() => this.form.getRawValue()),
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

  protected clear(): void {
    this.form.reset(DEFAULT_FILTERS);
  }
}
