import { HttpTestingController } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { UserTimeZone } from '../../core/preferences/user-time-zone';
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
    const text = (id: string) => el.querySelector(`[data-testid="${id}"]`)?.textContent?.trim();
    expect(el.textContent).toContain('Loading statistics');
    // The tiles and chart frames are there at once, at their final size; the figures fill them in.
    expect(el.querySelector('dl.tiles')?.getAttribute('aria-busy')).toBe('true');
    expect(text('stat-total')).toBe('–');
    expect(el.querySelectorAll('.bars-placeholder')).toHaveLength(2);
    expect(el.querySelector('#timeline-heading')?.textContent).toContain('last 30 days');

    backend.expectOne('/api/v1/tasks/stats/overview').flush({
      total: 4,
      byStatus: { todo: 2, in_progress: 0, completed: 1, cancelled: 1 },
      byPriority: { low: 0, medium: 3, high: 0, urgent: 1 },
      overdue: 1,
      dueSoon: 2,
      completionRate: 0.25,
      averageCompletionSeconds: 5400,
      archived: 7,
    });
    // The timeline request is still open, so no whenStable yet: let the answer land, then render.
    await new Promise((r) => setTimeout(r));
    fixture.detectChanges();

    expect(el.querySelector('dl.tiles')?.getAttribute('aria-busy')).toBe('false');
    expect(el.textContent).not.toContain('Loading statistics');
    expect(el.querySelectorAll('.bars-placeholder')).toHaveLength(0);
    expect(text('stat-total')).toBe('4');
    expect(text('stat-overdue')).toBe('1');
    expect(text('stat-due-soon')).toBe('2');
    expect(text('stat-completion-rate')).toBe('25%');
    expect(text('stat-average-time')).toBe('1 h 30 min');
    expect(text('stat-archived')).toBe('7');
    expect(text('bar-Completed')).toBe('1');
    expect(text('bar-Urgent')).toBe('1');
    expect(el.textContent).toContain('Loading the chart');

    // The activity series, per day of the browser's zone; the chart's code loads when idle.
    const timeline = backend.expectOne((r) => r.url === '/api/v1/tasks/stats/timeline');
    expect(timeline.request.params.get('days')).toBe('30');
    expect(timeline.request.params.get('tz')).toBe(Intl.DateTimeFormat().resolvedOptions().timeZone);
    timeline.flush({
      timeZone: 'UTC',
      currentStreak: 2,
      days: [
        { date: '2030-01-01', created: 3, completed: 0 },
        { date: '2030-01-02', created: 1, completed: 1 },
        { date: '2030-01-03', created: 0, completed: 2 },
      ],
    });
    await fixture.whenStable();
    expect(text('stat-streak')).toBe('2 days');
    for (let i = 0; i < 20 && !el.querySelector('[data-testid="timeline-svg"]'); i++) {
      await new Promise((r) => setTimeout(r, 50));
      await fixture.whenStable();
    }
    expect(el.querySelector('[data-testid="timeline-svg"]')?.getAttribute('aria-label')).toContain('4 created and 3 completed');
    expect(el.querySelectorAll('[data-testid="timeline-table"] tbody tr')).toHaveLength(3);
    backend.verify();
  });

  it('shows an error with a retry when the API fails', async () => {
    TestBed.configureTestingModule({ imports: [DashboardPage], providers: provideTestApp() });
    const fixture = TestBed.createComponent(DashboardPage);
    const backend = TestBed.inject(HttpTestingController);
    fixture.detectChanges();
    backend.expectOne('/api/v1/tasks/stats/overview').flush({ title: 'Boom', status: 500 }, { status: 500, statusText: 'Error' });
    // The timeline asks once the first render is done (the zone is read then).
    await new Promise((r) => setTimeout(r));
    fixture.detectChanges();
    backend
      .expectOne((r) => r.url === '/api/v1/tasks/stats/timeline')
      .flush({ title: 'Boom', status: 500 }, { status: 500, statusText: 'Error' });
    await fixture.whenStable();
    const el: HTMLElement = fixture.nativeElement;
    expect(el.querySelector('[role="alert"]')?.textContent).toContain('Boom');
    el.querySelector<HTMLButtonElement>('[role="alert"] button')!.click();
    fixture.detectChanges();
    backend.expectOne('/api/v1/tasks/stats/overview');
    backend.expectOne((r) => r.url === '/api/v1/tasks/stats/timeline');
  });

  it('counts the days of the user’s preferred zone when one is saved', async () => {
    TestBed.configureTestingModule({ imports: [DashboardPage], providers: provideTestApp() });
    const zone = Intl.DateTimeFormat().resolvedOptions().timeZone === 'Asia/Tokyo' ? 'Europe/Lisbon' : 'Asia/Tokyo';
    TestBed.inject(UserTimeZone).use(zone);
    const fixture = TestBed.createComponent(DashboardPage);
    const backend = TestBed.inject(HttpTestingController);
    fixture.detectChanges();
    backend.expectOne('/api/v1/tasks/stats/overview').flush({
      total: 0,
      byStatus: { todo: 0, in_progress: 0, completed: 0, cancelled: 0 },
      byPriority: { low: 0, medium: 0, high: 0, urgent: 0 },
      overdue: 0,
      dueSoon: 0,
      completionRate: 0,
      averageCompletionSeconds: null,
      archived: 0,
    });
    await new Promise((r) => setTimeout(r));
    fixture.detectChanges();
    const timeline = backend.expectOne((r) => r.url === '/api/v1/tasks/stats/timeline');
    expect(timeline.request.params.get('tz')).toBe(zone);
  });
});
