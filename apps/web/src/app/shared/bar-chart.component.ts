import { ChangeDetectionStrategy, Component, computed, input } from '@angular/core';

export interface BarDatum {
  label: string;
  value: number;
  /** A CSS colour with at least 3:1 contrast against the surface. */
  color: string;
}

/**
 * A horizontal bar chart in plain HTML: a list a screen reader reads as "label: value", with
 * bars drawn for the eye. No chart library, so no weight in the initial bundle.
 */
@Component({
  selector: 'pt-bar-chart',
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <ul class="chart" [attr.aria-label]="label()">
      @for (bar of bars(); track bar.label) {
        <li class="row">
          <span class="name">{{ bar.label }}</span>
          <span class="track" aria-hidden="true">
            <span class="bar" [style.width.%]="bar.percent" [style.background]="bar.color"></span>
          </span>
          <span class="value" [attr.data-testid]="'bar-' + bar.label">{{ bar.value }}</span>
        </li>
      }
    </ul>
  `,
  styles: `
    .chart {
      list-style: none;
      margin: 0;
      padding: 0;
      display: flex;
      flex-direction: column;
      gap: 8px;
    }
    .row {
      display: grid;
      grid-template-columns: 7.5rem 1fr 2.5rem;
      align-items: center;
      gap: 8px;
    }
    .track {
      height: 14px;
      border-radius: 7px;
      background: var(--mat-sys-surface-container-high);
      overflow: hidden;
    }
    .bar {
      display: block;
      height: 100%;
      border-radius: 7px;
      min-width: 2px;
    }
    .value {
      text-align: right;
      font-variant-numeric: tabular-nums;
    }
  `,
})
export class BarChartComponent {
  readonly data = input.required<BarDatum[]>();
  readonly label = input.required<string>();

  protected readonly bars = computed(() => {
    const max = Math.max(1, ...this.data().map((d) => d.value));
    return this.data().map((d) => ({ ...d, percent: (d.value / max) * 100 }));
  });
}
