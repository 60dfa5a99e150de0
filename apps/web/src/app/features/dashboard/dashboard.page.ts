import { afterNextRender, ChangeDetectionStrategy, Component, computed, inject, signal } from '@angular/core';
import { rxResource } from '@angular/core/rxjs-interop';
import { MatButtonModule } from '@angular/material/button';
import { RouterLink } from '@angular/router';
import { PRIORITY_LABELS, STATUS_LABELS } from '../../core/api/task.types';
import { ConnectivityService } from '../../core/http/connectivity';
import { toProblem } from '../../core/http/problem';
import { BarChartComponent, BarDatum } from '../../shared/bar-chart.component';
import { browserTimeZone, UserTimeZone } from '../../core/preferences/user-time-zone';
import { StatsService } from './data/stats.service';
import { formatDuration } from './format-duration';
import { TimelineChartComponent } from './timeline-chart.component';

@Component({
  selector: 'pt-dashboard-page',
  imports: [RouterLink, MatButtonModule, BarChartComponent, TimelineChartComponent],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './dashboard.page.html',
  styleUrl: './dashboard.page.scss',
})
export class DashboardPage {
  private readonly statsService = inject(StatsService);
  private readonly connectivity = inject(ConnectivityService);

  protected readonly overview = rxResource({
    params: () => ({ retry: this.connectivity.retryTick() }),
    stream: () => this.statsService.overview(),
  });
  /**
   * The browser's zone, read after the first render: asking Intl for it loads the ICU data (tens
   * of ms), which need not hold up the figures. Until then the timeline resource stays idle. The
   * user's preferred zone wins once it is known, so "per day" means their days.
   */
  private readonly browserZone = signal<string | undefined>(undefined);
  private readonly preferredZone = inject(UserTimeZone).zone;
  protected readonly timeline = rxResource({
    params: () => {
      const browser = this.browserZone();
      const tz = browser && (this.preferredZone() ?? browser);
      return tz ? { tz, retry: this.connectivity.retryTick() } : undefined;
    },
    stream: ({ params }) => this.statsService.timeline(30, params.tz),
  });

  constructor() {
    afterNextRender(() => setTimeout(() => this.browserZone.set(browserTimeZone())));
  }

  /** A tile's value until the figures have arrived (the tiles are drawn at once, at their final size). */
  protected readonly pending = '–';
  protected readonly stats = computed(() => (this.overview.hasValue() ? this.overview.value() : null));
  protected readonly problem = computed(() => (this.overview.error() ? toProblem(this.overview.error()) : null));
  protected readonly timelineProblem = computed(() => (this.timeline.error() ? toProblem(this.timeline.error()) : null));
  protected readonly streak = computed(() => (this.timeline.hasValue() ? this.timeline.value().currentStreak : null));

  protected readonly completionPercent = computed(() => Math.round((this.stats()?.completionRate ?? 0) * 100));
  protected readonly averageTime = computed(() => formatDuration(this.stats()?.averageCompletionSeconds));
  protected readonly byStatus = computed<BarDatum[]>(() => {
    const s = this.stats()?.byStatus;
    if (!s) return [];
    return [
      { label: STATUS_LABELS.todo, value: s.todo, color: 'light-dark(#5c6bc0, #9fa8da)' },
      { label: STATUS_LABELS.in_progress, value: s.in_progress, color: 'light-dark(#0277bd, #4fc3f7)' },
      { label: STATUS_LABELS.completed, value: s.completed, color: 'light-dark(#2e7d32, #81c784)' },
      { label: STATUS_LABELS.cancelled, value: s.cancelled, color: 'light-dark(#757575, #bdbdbd)' },
    ];
  });
  protected readonly byPriority = computed<BarDatum[]>(() => {
    const p = this.stats()?.byPriority;
    if (!p) return [];
    return [
      { label: PRIORITY_LABELS.low, value: p.low, color: 'light-dark(#607d8b, #b0bec5)' },
      { label: PRIORITY_LABELS.medium, value: p.medium, color: 'light-dark(#0277bd, #4fc3f7)' },
      { label: PRIORITY_LABELS.high, value: p.high, color: 'light-dark(#ef6c00, #ffb74d)' },
      { label: PRIORITY_LABELS.urgent, value: p.urgent, color: 'light-dark(#c62828, #ef9a9a)' },
    ];
  });

  protected refresh(): void {
    this.overview.reload();
    this.timeline.reload();
  }
}
