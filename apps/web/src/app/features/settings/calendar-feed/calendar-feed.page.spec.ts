import { Clipboard } from '@angular/cdk/clipboard';
import { HttpTestingController } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { MatDialog } from '@angular/material/dialog';
import { of } from 'rxjs';
import { provideTestApp } from '../../../testing/test-providers';
import { CalendarFeedPage } from './calendar-feed.page';

describe('CalendarFeedPage', () => {
  const copied: string[] = [];
  const setup = async () => {
    copied.length = 0;
    TestBed.configureTestingModule({
      imports: [CalendarFeedPage],
      providers: [
        ...provideTestApp(),
        { provide: Clipboard, useValue: { copy: (text: string) => copied.push(text) > 0 } },
        // The confirm dialog answers yes.
        { provide: MatDialog, useValue: { open: () => ({ afterClosed: () => of(true) }) } },
      ],
    });
    const fixture = TestBed.createComponent(CalendarFeedPage);
    const el: HTMLElement = fixture.nativeElement;
    await fixture.whenStable();
    return { fixture, el, backend: TestBed.inject(HttpTestingController) };
  };
  const testid = (el: HTMLElement, id: string) => el.querySelector<HTMLElement>(`[data-testid="${id}"]`)!;

  it('creates the address and shows it once with a copy button and a webcal link', async () => {
    const { fixture, el, backend } = await setup();
    testid(el, 'feed-issue').click();
    backend
      .expectOne({ method: 'POST', url: '/api/v1/calendar/feed' })
      .flush(
        { url: 'https://tasks.example.com/api/v1/calendar/abc.ics', webcalUrl: 'webcal://tasks.example.com/api/v1/calendar/abc.ics' },
        { status: 201, statusText: 'Created' },
      );
    await fixture.whenStable();
    expect(testid(el, 'shown-once-value').textContent).toBe('https://tasks.example.com/api/v1/calendar/abc.ics');
    expect(testid(el, 'webcal-link').getAttribute('href')).toBe('webcal://tasks.example.com/api/v1/calendar/abc.ics');
    testid(el, 'copy-value').click();
    expect(copied).toEqual(['https://tasks.example.com/api/v1/calendar/abc.ics']);
    backend.verify();
  });

  it('revokes the address after asking, and says so when there was none', async () => {
    const { fixture, el, backend } = await setup();
    testid(el, 'feed-revoke').click();
    await new Promise((r) => setTimeout(r));
    backend.expectOne({ method: 'DELETE', url: '/api/v1/calendar/feed' }).flush(null, { status: 204, statusText: 'No Content' });
    await fixture.whenStable();
    expect(testid(el, 'feed-notice').textContent).toContain('revoked');
    testid(el, 'feed-revoke').click();
    await new Promise((r) => setTimeout(r));
    backend
      .expectOne({ method: 'DELETE', url: '/api/v1/calendar/feed' })
      .flush({ status: 404, title: 'Not Found', detail: 'No calendar feed has this address.' }, { status: 404, statusText: 'Not Found' });
    await fixture.whenStable();
    expect(el.textContent).toContain('There is no feed address to revoke.');
    backend.verify();
  });
});
