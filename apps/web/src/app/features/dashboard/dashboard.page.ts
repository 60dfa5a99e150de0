import { ChangeDetectionStrategy, Component, computed, DestroyRef, inject, OnInit, signal } from '@angular/core';
import { takeUntilDestroyed } from '@angular/core/rxjs-interop';
import { MatButtonModule } from '@angular/material/button';
import { RouterLink } from '@angular/router';
import { PRIORITY_LABELS, STATUS_LABELS, TaskStats } from '../../core/api/task.types';
import { createCallState } from '../../core/http/call-state';
import { toProblem } from '../../core/http/problem';
import { BarChartComponent, BarDatum } from '../../shared/bar-chart.component';
import { TaskService } from '../tasks/data/task.service';
import { formatDuration } from './format-duration';

@Component({
  selector: 'pt-dashboard-page',
  imports: [RouterLink, MatButtonModule, BarChartComponent],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './dashboard.page.html',
  styleUrl: './dashboard.page.scss',
})
export class DashboardPage implements OnInit {
  private readonly tasks = inject(TaskService);
  private readonly destroyRef = inject(DestroyRef);

  protected readonly call = createCallState();
  protected readonly stats = signal<TaskStats | null>(null);

  protected readonly completionPercent = computed(() => Math.round((this.stats()?.completionRate ?? 0) * 100));
  protected readonly averageTime = computed(() => formatDuration(this.stats()?.averageCompletionSeconds));
  protected readonly byStatus = computed<BarDatum[]>(() => {
    const s = this.stats()?.byStatus;
    if (!s) return [];
    return [
      { label: STATUS_LABELS.todo, value: s.todo, color: '#5c6bc0' },
      { label: STATUS_LABELS.in_progress, value: s.in_progress, color: '#0277bd' },
      { label: STATUS_LABELS.completed, value: s.completed, color: '#2e7d32' },
      { label: STATUS_LABELS.cancelled, value: s.cancelled, color: '#757575' },
    ];
  });
  protected readonly byPriority = computed<BarDatum[]>(() => {
    const p = this.stats()?.byPriority;
    if (!p) return [];
    return [
      { label: PRIORITY_LABELS.low, value: p.low, color: '#607d8b' },
      { label: PRIORITY_LABELS.medium, value: p.medium, color: '#0277bd' },
      { label: PRIORITY_LABELS.high, value: p.high, color: '#ef6c00' },
      { label: PRIORITY_LABELS.urgent, value: p.urgent, color: '#c62828' },
    ];
  });

  ngOnInit(): void {
    this.refresh();
  }

  protected refresh(): void {
    this.call.setLoading();
    this.tasks
      .stats()
      .pipe(takeUntilDestroyed(this.destroyRef))
      .subscribe({
        next: (stats) => {
          this.stats.set(stats);
          this.call.setLoaded();
        },
        error: (error: unknown) => this.call.setProblem(toProblem(error)),
      });
  }
}
