import { HttpTestingController } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { provideTestApp } from '../../testing/test-providers';
import { DashboardPage } from './dashboard.page';

describe('DashboardPage', () => {
  it('shows loading, then the figures and both charts', async () => {
    TestBed.configureTestingModule({ imports: [DashboardPage], providers: provideTestApp() });
    const fixture = TestBed.createComponent(DashboardPage);
    const backend = TestBed.inject(HttpTestingController);
    const el: HTMLElement = fixture.nativeElement;
    // Not whenStable: a loading resource keeps the app unstable until it has its answer.
    fixture.detectChanges();
    expect(el.textContent).toContain('Loading statistics');

    backend.expectOne('/api/v1/tasks/stats/overview').flush({
      total: 4,
      byStatus: { todo: 2, in_progress: 0, completed: 1, cancelled: 1 },
      byPriority: { low: 0, medium: 3, high: 0, urgent: 1 },
      overdue: 1,
      dueSoon: 2,
      completionRate: 0.25,
      averageCompletionSeconds: 5400,
    });
    await fixture.whenStable();

    const text = (id: string) => el.querySelector(`[data-testid="${id}"]`)?.textContent?.trim();
    expect(text('stat-total')).toBe('4');
    expect(text('stat-overdue')).toBe('1');
    expect(text('stat-due-soon')).toBe('2');
    expect(text('stat-completion-rate')).toBe('25%');
    expect(text('stat-average-time')).toBe('1 h 30 min');
    expect(text('bar-Completed')).toBe('1');
    expect(text('bar-Urgent')).toBe('1');
    // The timeline (lazy chart, loaded when the browser is idle) has no API operation yet:
    // it says there is no data.
    expect(text('stat-streak')).toBe('No data yet');
    for (let i = 0; i < 20 && !el.querySelector('[data-testid="timeline-empty"]'); i++) {
      await new Promise((r) => setTimeout(r, 50));
      await fixture.whenStable();
    }
    expect(el.querySelector('[data-testid="timeline-empty"]')).not.toBeNull();
    backend.verify();
  });

  it('shows an error with a retry when the API fails', async () => {
    TestBed.configureTestingModule({ imports: [DashboardPage], providers: provideTestApp() });
    const fixture = TestBed.createComponent(DashboardPage);
    const backend = TestBed.inject(HttpTestingController);
    fixture.detectChanges();
    backend.expectOne('/api/v1/tasks/stats/overview').flush({ title: 'Boom', status: 500 }, { status: 500, statusText: 'Error' });
    await fixture.whenStable();
    const el: HTMLElement = fixture.nativeElement;
    expect(el.querySelector('[role="alert"]')?.textContent).toContain('Boom');
    el.querySelector<HTMLButtonElement>('[role="alert"] button')!.click();
    fixture.detectChanges();
    backend.expectOne('/api/v1/tasks/stats/overview');
  });
});
