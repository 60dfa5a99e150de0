import { TestBed } from '@angular/core/testing';
import { niceMax, TimelineChartComponent } from './timeline-chart.component';
import type { TaskTimeline } from './data/stats.service';

function render(data: TaskTimeline): HTMLElement {
  const fixture = TestBed.createComponent(TimelineChartComponent);
  fixture.componentRef.setInput('data', data);
  fixture.detectChanges();
  return fixture.nativeElement as HTMLElement;
}

describe('TimelineChartComponent', () => {
  it('draws a bar pair per day, summarised for screen readers, with every figure in a table', () => {
    const days = Array.from({ length: 30 }, (_, i) => ({
      date: `2026-11-${String(i + 1).padStart(2, '0')}`,
      created: i % 3,
      completed: i === 29 ? 7 : 1,
    }));
    const el = render({ timeZone: 'Europe/Paris', days, currentStreak: 4 });
    expect(el.querySelectorAll('rect.created')).toHaveLength(30);
    expect(el.querySelectorAll('rect.completed')).toHaveLength(30);
    const svg = el.querySelector('[data-testid="timeline-svg"]')!;
    expect(svg.getAttribute('role')).toBe('img');
    expect(svg.getAttribute('aria-label')).toBe(
      'Tasks per day over the last 30 days: 30 created and 36 completed. The table below has every day.',
    );
    const rows = el.querySelectorAll('[data-testid="timeline-table"] tbody tr');
    expect(rows).toHaveLength(30);
    expect([...rows[29].children].map((c) => c.textContent?.trim())).toEqual(['2026-11-30', '2', '7']);
    // The tallest bar reaches the top of the axis (10 for a maximum of 7).
    const tallest = Math.max(...[...el.querySelectorAll('rect')].map((r) => Number(r.getAttribute('height'))));
    expect(tallest).toBeCloseTo((200 - 12 - 28) * 0.7, 5);
  });

  it('says there is no data instead of drawing an empty chart', () => {
    const el = render({ timeZone: 'UTC', days: [], currentStreak: 0 });
    expect(el.querySelector('[data-testid="timeline-empty"]')).not.toBeNull();
    expect(el.querySelector('svg')).toBeNull();
  });

  it('rounds the axis to 1, 2 or 5 times a power of ten', () => {
    expect([1, 2, 3, 7, 12, 48, 230].map(niceMax)).toEqual([2, 2, 5, 10, 20, 50, 500]);
  });
});
