import { ChangeDetectionStrategy, Component, computed, input } from '@angular/core';
import type { TaskTimeline } from './data/stats.service';

const W = 640;
const H = 200;
const PAD = { top: 12, right: 8, bottom: 28, left: 32 };

/**
 * Tasks created and completed per day as paired bars in inline SVG (no chart library), with
 * the same numbers as a table for screen readers and anyone who prefers figures.
 */
@Component({
  selector: 'pt-timeline-chart',
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    @if (!data().days.length) {
      <p class="empty" data-testid="timeline-empty">No activity to chart yet. Days with tasks created or completed will show up here.</p>
    } @else {
      <figure class="figure">
        <ul class="legend" aria-hidden="true">
          <li><span class="swatch created"></span> Created</li>
          <li><span class="swatch completed"></span> Completed</li>
        </ul>
        <svg
          [attr.viewBox]="'0 0 ' + width + ' ' + height"
          role="img"
          [attr.aria-label]="summary()"
          preserveAspectRatio="none"
          class="svg"
          data-testid="timeline-svg"
        >
          @for (tick of ticks(); track tick.value) {
            <line class="grid" [attr.x1]="pad.left" [attr.x2]="width - pad.right" [attr.y1]="tick.y" [attr.y2]="tick.y" />
            <text class="axis" [attr.x]="pad.left - 6" [attr.y]="tick.y + 4" text-anchor="end">{{ tick.value }}</text>
          }
          @for (bar of bars(); track bar.date) {
            <rect class="created" [attr.x]="bar.x" [attr.y]="bar.createdY" [attr.width]="bar.w" [attr.height]="bar.createdH" />
            <rect
              class="completed"
              [attr.x]="bar.x + bar.w"
              [attr.y]="bar.completedY"
              [attr.width]="bar.w"
              [attr.height]="bar.completedH"
            />
            @if (bar.label) {
              <text class="axis" [attr.x]="bar.x + bar.w" [attr.y]="height - 8" text-anchor="middle">{{ bar.label }}</text>
            }
          }
        </svg>
        <figcaption class="visually-hidden">{{ summary() }}</figcaption>
      </figure>
      <details class="table-toggle">
        <summary>Show as a table</summary>
        <table class="table" data-testid="timeline-table">
          <caption class="visually-hidden">
            Tasks created and completed per day ({{
              data().timeZone
            }})
          </caption>
          <thead>
            <tr>
              <th scope="col">Day</th>
              <th scope="col">Created</th>
              <th scope="col">Completed</th>
            </tr>
          </thead>
          <tbody>
            @for (day of data().days; track day.date) {
              <tr>
                <th scope="row">{{ day.date }}</th>
                <td>{{ day.created }}</td>
                <td>{{ day.completed }}</td>
              </tr>
            }
          </tbody>
        </table>
      </details>
    }
  `,
  styles: `
    :host {
      display: block;
    }
    .figure {
      margin: 0;
    }
    .svg {
      display: block;
      width: 100%;
      height: 200px;
    }
    .grid {
      stroke: var(--mat-sys-outline-variant);
      stroke-width: 1;
    }
    .axis {
      font-size: 11px;
      fill: var(--mat-sys-on-surface-variant);
    }
    .created {
      fill: var(--mat-sys-primary);
    }
    .completed {
      fill: var(--pt-chart-completed);
    }
    .legend {
      list-style: none;
      display: flex;
      gap: 16px;
      padding: 0;
      margin: 0 0 8px;
      font: var(--mat-sys-label-large);
    }
    .swatch {
      display: inline-block;
      width: 12px;
      height: 12px;
      border-radius: 2px;
      vertical-align: -1px;
    }
    .swatch.created {
      background: var(--mat-sys-primary);
    }
    .swatch.completed {
      background: var(--pt-chart-completed);
    }
    .table-toggle {
      margin-top: 8px;
    }
    summary {
      cursor: pointer;
      min-height: 32px;
      line-height: 32px;
    }
    .table {
      border-collapse: collapse;
      margin-top: 8px;
      font-variant-numeric: tabular-nums;
    }
    .table th,
    .table td {
      padding: 2px 12px 2px 0;
      text-align: right;
    }
    .table th[scope='row'],
    .table th:first-child {
      text-align: left;
      font-weight: 400;
    }
    .empty {
      color: var(--mat-sys-on-surface-variant);
    }
  `,
})
export class TimelineChartComponent {
  readonly data = input.required<TaskTimeline>();

  protected readonly width = W;
  protected readonly height = H;
  protected readonly pad = PAD;

  private readonly max = computed(() => Math.max(1, ...this.data().days.flatMap((d) => [d.created, d.completed])));
  private readonly scale = computed(() => (H - PAD.top - PAD.bottom) / niceMax(this.max()));

  protected readonly ticks = computed(() => {
    const top = niceMax(this.max());
    return [0, top / 2, top].map((value) => ({ value, y: H - PAD.bottom - value * this.scale() }));
  });

  protected readonly bars = computed(() => {
    const days = this.data().days;
    const slot = (W - PAD.left - PAD.right) / days.length;
    const w = Math.max(1, slot * 0.4);
    const base = H - PAD.bottom;
    const every = Math.ceil(days.length / 6);
    return days.map((d, i) => {
      const x = PAD.left + i * slot + slot * 0.1;
      const createdH = d.created * this.scale();
      const completedH = d.completed * this.scale();
      const label = (days.length - 1 - i) % every === 0 ? shortDay(d.date) : '';
      return { date: d.date, x, w, createdY: base - createdH, createdH, completedY: base - completedH, completedH, label };
    });
  });

  protected readonly summary = computed(() => {
    const days = this.data().days;
    const created = days.reduce((n, d) => n + d.created, 0);
    const completed = days.reduce((n, d) => n + d.completed, 0);
    return `Tasks per day over the last ${days.length} days: ${created} created and ${completed} completed. The table below has every day.`;
  });
}

/** A round axis top (1, 2, 5 × 10ⁿ, and halves of it are whole where possible). */
export function niceMax(max: number): number {
  const power = 10 ** Math.floor(Math.log10(Math.max(1, max)));
  for (const step of [1, 2, 5, 10]) if (step * power >= max) return Math.max(2, step * power);
  return max;
}

function shortDay(date: string): string {
  const [y, m, d] = date.split('-').map(Number);
  return new Date(y, m - 1, d).toLocaleDateString(undefined, { day: 'numeric', month: 'short' });
}
