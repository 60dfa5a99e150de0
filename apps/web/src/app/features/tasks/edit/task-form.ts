import { AbstractControl, ValidationErrors } from '@angular/forms';
import { NewTask, Task, TaskChanges, TaskPriority, TaskStatus } from '../../../core/api/task.types';

/** The form's shape: plain strings for inputs, converted to the API's shape on submit. */
export interface TaskFormValue {
  title: string;
  description: string;
  status: TaskStatus;
  priority: TaskPriority;
  /** A `datetime-local` value (local time, no zone) or ''. */
  dueDate: string;
  /** Comma-separated. */
  tags: string;
}

// The API's limits (CreateTaskRequest), mirrored so the form rejects what the API would.
export const TITLE_MAX = 200;
export const DESCRIPTION_MAX = 5000;
export const TAGS_MAX = 20;
export const TAG_MAX_LENGTH = 32;

export const EMPTY_TASK_FORM: TaskFormValue = {
  title: '',
  description: '',
  status: 'todo',
  priority: 'medium',
  dueDate: '',
  tags: '',
};

export function parseTags(value: string): string[] {
  const tags = value
    .split(',')
    .map((t) => t.trim())
    .filter(Boolean);
  return [...new Set(tags)];
}

export function tagsValidator(control: AbstractControl<string>): ValidationErrors | null {
  const tags = parseTags(control.value ?? '');
  if (tags.length > TAGS_MAX) return { tags: `Use at most ${TAGS_MAX} tags.` };
  const long = tags.find((t) => t.length > TAG_MAX_LENGTH);
  return long ? { tags: `Each tag can have at most ${TAG_MAX_LENGTH} characters.` } : null;
}

/** ISO instant → `yyyy-MM-ddTHH:mm` in local time, for a datetime-local input. */
export function toLocalInput(iso: string | null): string {
  if (!iso) return '';
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return '';
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}T${pad(d.getHours())}:${pad(d.getMinutes())}`;
}

export function fromTask(task: Task): TaskFormValue {
  return {
    title: task.title,
    description: task.description ?? '',
    status: task.status,
    priority: task.priority,
    dueDate: toLocalInput(task.dueDate),
    tags: task.tags.join(', '),
  };
}

export function toCreateRequest(value: TaskFormValue): NewTask {
  const request: NewTask = { title: value.title.trim(), priority: value.priority, tags: parseTags(value.tags) };
  if (value.description.trim()) request.description = value.description;
  if (value.dueDate) request.dueDate = new Date(value.dueDate).toISOString();
  return request;
}

export function toUpdateRequest(value: TaskFormValue): TaskChanges {
  return {
    title: value.title.trim(),
    description: value.description,
    status: value.status,
    priority: value.priority,
    // null clears a due date on the API.
    dueDate: value.dueDate ? new Date(value.dueDate).toISOString() : null,
    tags: parseTags(value.tags),
  };
}
