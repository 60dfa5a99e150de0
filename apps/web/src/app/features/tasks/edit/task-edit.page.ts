import { ChangeDetectionStrategy, Component, computed, effect, inject, input, signal, untracked } from '@angular/core';
import { rxResource, takeUntilDestroyed, toSignal } from '@angular/core/rxjs-interop';
import { NonNullableFormBuilder, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { MatSelectModule } from '@angular/material/select';
import { Router, RouterLink } from '@angular/router';
import { Observable, Subject } from 'rxjs';
import { PRIORITY_LABELS, STATUS_LABELS, Task, TASK_PRIORITIES, TASK_STATUSES } from '../../../core/api/task.types';
import { Problem, toProblem } from '../../../core/http/problem';
import { applyFieldErrors, fieldMessage } from '../../../shared/form-errors';
import { submitEach } from '../../../shared/submit-each';
import { AttachmentsPanelComponent } from '../attachments/attachments-panel.component';
import { TaskService } from '../data/task.service';
import { RepeatPickerComponent } from './repeat-picker.component';
import { fromRecurrence, noRepeat, RepeatValue, toRecurrence } from '../data/repeat-rule';
import { DESCRIPTION_MAX, EMPTY_TASK_FORM, fromTask, tagsValidator, TITLE_MAX, toCreateRequest, toUpdateRequest } from './task-form';

/** Create (`/tasks/new`) and edit (`/tasks/:id/edit`) in one form. */
@Component({
  selector: 'pt-task-edit-page',
  imports: [
    ReactiveFormsModule,
    RouterLink,
    MatFormFieldModule,
    MatInputModule,
    MatSelectModule,
    MatButtonModule,
    AttachmentsPanelComponent,
    RepeatPickerComponent,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './task-edit.page.html',
  styleUrl: './task-edit.page.scss',
})
export class TaskEditPage {
  private readonly tasks = inject(TaskService);
  private readonly router = inject(Router);
  private readonly submits = new Subject<void>();
  private etag: string | undefined;

  /** Route parameter, bound by the router; absent on /tasks/new. */
  readonly id = input<string>();

  protected readonly isEdit = computed(() => !!this.id());
  /** The task being edited with its ETag; idle on /tasks/new. */
  protected readonly loaded = rxResource({ params: () => this.id(), stream: ({ params }) => this.tasks.getWithEtag(params) });
  protected readonly loadProblem = computed(() => (this.loaded.error() ? toProblem(this.loaded.error()) : null));
  protected readonly submitting = signal(false);
  protected readonly problem = signal<Problem | null>(null);
  protected readonly extraErrors = signal<string[]>([]);
  protected readonly statuses = TASK_STATUSES;
  protected readonly priorities = TASK_PRIORITIES;
  protected readonly statusLabels = STATUS_LABELS;
  protected readonly priorityLabels = PRIORITY_LABELS;
  protected readonly titleMax = TITLE_MAX;
  protected readonly descriptionMax = DESCRIPTION_MAX;
  protected readonly fieldMessage = fieldMessage;

  protected readonly form = inject(NonNullableFormBuilder).group({
    title: [EMPTY_TASK_FORM.title, [Validators.required, Validators.maxLength(TITLE_MAX), Validators.pattern(/\S/)]],
    description: [EMPTY_TASK_FORM.description, [Validators.maxLength(DESCRIPTION_MAX)]],
    status: [EMPTY_TASK_FORM.status],
    priority: [EMPTY_TASK_FORM.priority],
    dueDate: [EMPTY_TASK_FORM.dueDate],
    tags: [EMPTY_TASK_FORM.tags, [tagsValidator]],
  });
  /** How the task repeats (the picker's state); the browser's zone until users have a preferred one. */
  protected readonly repeat = signal<RepeatValue>(noRepeat());
  protected readonly dueValue = toSignal(this.form.controls.dueDate.valueChanges, { initialValue: EMPTY_TASK_FORM.dueDate });

  constructor() {
    // Each loaded version fills the form (the first load, and "Reload task").
    effect(() => {
      if (!this.loaded.hasValue()) return;
      const { task, etag } = this.loaded.value();
      untracked(() => this.fill(task, etag));
    });
    this.submits
      .pipe(
        submitEach(
          () => this.save(),
          () => {
            this.submitting.set(true);
            this.problem.set(null);
            this.extraErrors.set([]);
          },
        ),
        takeUntilDestroyed(),
      )
      .subscribe((problem) => {
        this.submitting.set(false);
        if (!problem) {
          void this.router.navigate(['/tasks']);
          return;
        }
        this.extraErrors.set(applyFieldErrors(this.form, problem));
        if (problem.status === 412) {
          // Stale If-Match: someone saved this task after the form was opened.
          this.problem.set({
            ...problem,
            message: 'This task was changed elsewhere since you opened it. Reload it to see the latest version.',
          });
        } else if (problem.status === 409) {
          this.problem.set(problem); // e.g. a status change the task's state does not allow
        } else if (!Object.keys(problem.fieldErrors).length) {
          this.problem.set(problem);
        }
      });
  }

  /** "Reload task" after a 412: the latest version and its ETag replace the form's. */
  protected fetch(): void {
    this.problem.set(null);
    this.loaded.reload();
  }

  protected submit(): void {
    if (this.form.invalid) {
      this.form.markAllAsTouched();
      return;
    }
    this.submits.next();
  }

  private fill(task: Task, etag: string | undefined): void {
    this.etag = etag;
    this.form.reset(fromTask(task));
    this.repeat.set(fromRecurrence(task.recurrence));
  }

  private save(): Observable<Task> {
    const value = this.form.getRawValue();
    const id = this.id();
    const recurrence = toRecurrence(this.repeat());
    return id
      ? this.tasks.update(id, { ...toUpdateRequest(value), recurrence }, this.etag)
      : this.tasks.create({ ...toCreateRequest(value), ...(recurrence && { recurrence }) });
  }
}
