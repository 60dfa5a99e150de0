import { HttpTestingController } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { provideTestApp } from '../../../testing/test-providers';
import { browserTimeZone, UserTimeZone } from '../../../core/preferences/user-time-zone';
import { PreferencesPage } from './preferences.page';

const DEFAULTS = {
  timeZone: 'UTC',
  dueSoonLead: '1d',
  channels: { inApp: true, email: true },
  digest: { enabled: false, hour: 7 },
  updatedAt: null,
};

describe('PreferencesPage', () => {
  const setup = async (answer: object = DEFAULTS) => {
    TestBed.configureTestingModule({ imports: [PreferencesPage], providers: [...provideTestApp()] });
    const fixture = TestBed.createComponent(PreferencesPage);
    const el: HTMLElement = fixture.nativeElement;
    const backend = TestBed.inject(HttpTestingController);
    backend.expectOne({ method: 'GET', url: '/api/v1/users/me/preferences' }).flush(answer);
    await fixture.whenStable();
    return { fixture, el, backend };
  };
  const testid = (el: HTMLElement, id: string) => el.querySelector<HTMLElement>(`[data-testid="${id}"]`)!;

  it('proposes the browser’s zone while nothing is saved, and saves every field', async () => {
    const { fixture, el, backend } = await setup();
    expect((testid(el, 'prefs-zone') as HTMLInputElement).value).toBe(browserTimeZone());
    testid(el, 'prefs-digest').querySelector('button')!.click();
    testid(el, 'prefs-in-app').querySelector('button')!.click();
    await fixture.whenStable();
    testid(el, 'prefs-save').click();
    const req = backend.expectOne({ method: 'PATCH', url: '/api/v1/users/me/preferences' });
    expect(req.request.body).toEqual({
      timeZone: browserTimeZone(),
      dueSoonLead: '1d',
      channels: { inApp: false, email: true },
      digest: { enabled: true, hour: 7 },
    });
    req.flush({
      ...DEFAULTS,
      timeZone: 'Asia/Kolkata',
      channels: { inApp: false, email: true },
      digest: { enabled: true, hour: 7 },
      updatedAt: '2026-06-15T12:00:00.000Z',
    });
    await fixture.whenStable();
    expect(testid(el, 'prefs-notice').textContent).toContain('Saved');
    // The due labels follow the saved zone (it differs from the browser's here).
    expect(TestBed.inject(UserTimeZone).zone()).toBe(browserTimeZone() === 'Asia/Kolkata' ? null : 'Asia/Kolkata');
    backend.verify();
  });

  it('shows the saved zone, and the API’s 400 for an unknown zone beside the field', async () => {
    const { fixture, el, backend } = await setup({
      ...DEFAULTS,
      timeZone: 'Europe/Berlin',
      dueSoonLead: '15m',
      updatedAt: '2026-06-15T12:00:00.000Z',
    });
    const input = testid(el, 'prefs-zone') as HTMLInputElement;
    expect(input.value).toBe('Europe/Berlin');
    input.value = 'Mars/Olympus';
    input.dispatchEvent(new Event('input'));
    await fixture.whenStable();
    testid(el, 'prefs-save').click();
    backend.expectOne({ method: 'PATCH', url: '/api/v1/users/me/preferences' }).flush(
      {
        type: 'about:blank',
        status: 400,
        title: 'Bad Request',
        detail: 'Invalid preferences.',
        code: 'PREFERENCES.INVALID',
        errors: [{ field: 'timeZone', message: 'must be an IANA time zone, e.g. Europe/Berlin' }],
      },
      { status: 400, statusText: 'Bad Request' },
    );
    await fixture.whenStable();
    expect(testid(el, 'prefs-zone-error').textContent).toContain('IANA time zone');
    backend.verify();
  });

  it('narrows the zone list to what is typed', async () => {
    const { fixture, el } = await setup();
    const input = testid(el, 'prefs-zone') as HTMLInputElement;
    input.value = 'new york';
    input.dispatchEvent(new Event('input'));
    await fixture.whenStable();
    const page = fixture.componentInstance as unknown as { zoneOptions: () => string[] };
    expect(page.zoneOptions()).toContain('America/New_York');
    expect(page.zoneOptions().every((z) => z.toLowerCase().includes('new_york'))).toBe(true);
    // Current IANA names, also where ICU still lists the old one (Asia/Calcutta).
    input.value = 'kolk';
    input.dispatchEvent(new Event('input'));
    await fixture.whenStable();
    expect(page.zoneOptions()).toEqual(['Asia/Kolkata']);
  });
});
