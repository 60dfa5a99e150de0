import { DatePipe } from '@angular/common';
import { ChangeDetectionStrategy, Component, computed, input, output } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { RouterLink } from '@angular/router';
import { PRIORITY_LABELS, STATUS_LABELS, Task } from '../../../core/api/task.types';
import { dueState } from '../data/due';

/** One task in the list, with its actions. Overdue and due-soon tasks say so in words too. */
@Component({
  selector: 'pt-task-card',
  imports: [DatePipe, RouterLink, MatButtonModule],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './task-card.component.html',
  styleUrl: './task-card.component.scss',
  host: {
    role: 'listitem',
    '[class.overdue]': "due() === 'overdue'",
    '[class.due-soon]': "due() === 'due-soon'",
    '[class.done]': "task().status === 'completed' || task().status === 'cancelled'",
    '[attr.data-testid]': "'task-card'",
  },
})
export class TaskCardComponent {
  readonly task = input.required<Task>();
  readonly busy = input(false);
  readonly completeTask = output<Task>();
  readonly reopenTask = output<Task>();
  readonly deleteTask = output<Task>();

  protected readonly due = computed(() => dueState(this.task()));
  protected readonly isOpen = computed(() => this.task().status === 'todo' || this.task().status === 'in_progress');
  protected readonly statusLabel = computed(() => STATUS_LABELS[this.task().status]);
  protected readonly priorityLabel = computed(() => PRIORITY_LABELS[this.task().priority]);
}
