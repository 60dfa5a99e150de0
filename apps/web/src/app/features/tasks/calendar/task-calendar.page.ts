import { ChangeDetectionStrategy, Component, computed, inject, linkedSignal, signal, viewChild } from '@angular/core';
import { rxResource } from '@angular/core/rxjs-interop';
import { MatButtonModule } from '@angular/material/button';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { RouterLink } from '@angular/router';
import { STATUS_LABELS, Task } from '../../../core/api/task.types';
import { ConnectivityService } from '../../../core/http/connectivity';
import { TaskService } from '../data/task.service';
import { QuickAddComponent } from '../quick-add/quick-add.component';
import { TaskViewsComponent } from '../task-views.component';
import { byDay, dayKey, GridDay, gridRange, monthGrid, parseDayKey } from './month-grid';

const WEEKDAYS = ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'];
const WEEKDAY_NAMES = ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'];
const SHOWN_PER_DAY = 3;

/** A month of due tasks; choosing a day lists its tasks and adds a task due that day. */
@Component({
  selector: 'pt-task-calendar-page',
  imports: [RouterLink, MatButtonModule, MatProgressBarModule, QuickAddComponent, TaskViewsComponent],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './task-calendar.page.html',
  styleUrl: './task-calendar.page.scss',
})
export class TaskCalendarPage {
  private readonly tasks = inject(TaskService);
  private readonly connectivity = inject(ConnectivityService);
  private readonly quickAdd = viewChild(QuickAddComponent);

  protected readonly weekdays = WEEKDAYS;
  protected readonly weekdayNames = WEEKDAY_NAMES;
  protected readonly statusLabels = STATUS_LABELS;
  protected readonly shownPerDay = SHOWN_PER_DAY;

  private readonly today = new Date();
  protected readonly month = signal({ year: this.today.getFullYear(), month: this.today.getMonth() });
  protected readonly weeks = computed(() => monthGrid(this.month().year, this.month().month, this.today));
  protected readonly title = computed(() =>
    new Date(this.month().year, this.month().month, 1).toLocaleDateString(undefined, { month: 'long', year: 'numeric' }),
  );
  protected readonly selectedKey = signal<string>(dayKey(this.today));
  protected readonly selectedDate = computed(() => parseDayKey(this.selectedKey()));

  protected readonly dueTasks = rxResource({
    params: () => ({ range: gridRange(this.weeks()), retry: this.connectivity.retryTick() }),
    stream: ({ params }) =>
      this.tasks.listAll({
        dueAfter: params.range.from.toISOString(),
        dueBefore: params.range.to.toISOString(),
        sort: 'dueDate',
        order: 'asc',
      }),
  });
  /** The month's tasks, plus the ones added here since it loaded. */
  protected readonly items = linkedSignal<Task[]>(() => (this.dueTasks.hasValue() ? this.dueTasks.value().items : []));
  protected readonly days = computed(() => byDay(this.items()));
  protected readonly selectedTasks = computed(() => this.days().get(this.selectedKey()) ?? []);
  protected readonly selectedLabel = computed(
    () => this.selectedDate()?.toLocaleDateString(undefined, { weekday: 'long', day: 'numeric', month: 'long' }) ?? '',
  );
  protected readonly addLabel = computed(
    () => `Add a task on ${this.selectedDate()?.toLocaleDateString(undefined, { weekday: 'short', day: 'numeric', month: 'short' }) ?? ''}`,
  );

  protected shift(months: number): void {
    const { year, month } = this.month();
    const d = new Date(year, month + months, 1);
    this.month.set({ year: d.getFullYear(), month: d.getMonth() });
  }

  protected goToday(): void {
    this.month.set({ year: this.today.getFullYear(), month: this.today.getMonth() });
    this.selectedKey.set(dayKey(this.today));
  }

  protected choose(day: GridDay): void {
    this.selectedKey.set(day.key);
    if (!day.inMonth) this.month.set({ year: day.date.getFullYear(), month: day.date.getMonth() });
    // Choosing a day is how a task is added on it: the field is ready to type into.
    queueMicrotask(() => this.quickAdd()?.focus());
  }

  protected dayLabel(day: GridDay, index: number): string {
    const count = this.days().get(day.key)?.length ?? 0;
    const date = day.date.toLocaleDateString(undefined, { day: 'numeric', month: 'long' });
    return `${this.weekdayNames[index]} ${date}${day.today ? ', today' : ''}, ${count === 0 ? 'no tasks' : count === 1 ? '1 task' : `${count} tasks`}`;
  }

  protected created(task: Task): void {
    this.items.update((items) => [...items, task]);
  }

  protected time(task: Task): string {
    return task.dueDate ? new Date(task.dueDate).toLocaleTimeString(undefined, { hour: '2-digit', minute: '2-digit' }) : '';
  }

  protected reload(): void {
    this.dueTasks.reload();
  }
}
