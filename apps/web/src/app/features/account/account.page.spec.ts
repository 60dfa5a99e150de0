import { HttpTestingController } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { SessionStore } from '../../core/auth/session.store';
import { provideTestApp } from '../../testing/test-providers';
import { AccountPage } from './account.page';

const type = (el: HTMLElement, selector: string, value: string) => {
  const input = el.querySelector<HTMLInputElement>(selector)!;
  input.value = value;
  input.dispatchEvent(new Event('input'));
};
const session = (id: string, current: boolean, userAgent: string | null) => ({
  id,
  current,
  userAgent,
  createdAt: '2026-11-01T09:00:00.000Z',
  lastUsedAt: '2026-11-30T09:00:00.000Z',
});

describe('AccountPage', () => {
  const setup = async () => {
    TestBed.configureTestingModule({ imports: [AccountPage], providers: provideTestApp() });
    TestBed.inject(SessionStore).user.set({
      id: 'u1',
      name: 'Ada',
      email: 'ada@example.com',
      emailConfirmed: false,
      createdAt: '2026-11-01T09:00:00.000Z',
    });
    const fixture = TestBed.createComponent(AccountPage);
    const el: HTMLElement = fixture.nativeElement;
    fixture.detectChanges(); // the sessions resource asks on this render (whenStable would wait for its answer)
    const backend = TestBed.inject(HttpTestingController);
    backend.expectOne('/api/v1/users/me/sessions').flush({
      items: [session('s1', true, 'Mozilla/5.0 (X11; Linux x86_64) Chrome/142.0 Safari/537.36'), session('s2', false, null)],
    });
    await fixture.whenStable();
    return { fixture, el, backend };
  };

  it('shows the address and its state, and lists the sessions with this device marked', async () => {
    const { el, backend } = await setup();
    expect(el.querySelector('[data-testid="account-email"]')?.textContent).toContain('ada@example.com');
    expect(el.querySelector('[data-testid="account-email"]')?.textContent).toContain('not confirmed yet');
    const rows = [...el.querySelectorAll('[data-testid="session"]')].map((r) => r.textContent ?? '');
    expect(rows[0]).toContain('Chrome on Linux');
    expect(rows[0]).toContain('this device');
    expect(rows[1]).toContain('Unknown client');
    backend.verify();
  });

  it('signs another session out and lists what is left', async () => {
    const { fixture, el, backend } = await setup();
    el.querySelector<HTMLButtonElement>('button[aria-label="Sign out Unknown client"]')!.click();
    backend.expectOne({ method: 'DELETE', url: '/api/v1/users/me/sessions/s2' }).flush(null, { status: 204, statusText: 'No Content' });
    fixture.detectChanges();
    backend.expectOne('/api/v1/users/me/sessions').flush({ items: [session('s1', true, null)] });
    await fixture.whenStable();
    expect(el.querySelectorAll('[data-testid="session"]')).toHaveLength(1);
    backend.verify();
  });

  it('asks for an address change with the current password and says a link is on its way', async () => {
    const { fixture, el, backend } = await setup();
    const form = el.querySelector<HTMLFormElement>('form[aria-label="Change your address"]')!;
    type(form, 'input[type="email"]', 'ada.new@example.com');
    type(form, 'input[type="password"]', 'correct horse');
    form.dispatchEvent(new Event('submit'));
    const call = backend.expectOne('/api/v1/users/me/email');
    expect(call.request.body).toEqual({ email: 'ada.new@example.com', currentPassword: 'correct horse' });
    call.flush({ message: 'sent' }, { status: 202, statusText: 'Accepted' });
    await fixture.whenStable();
    expect(el.querySelector('[data-testid="email-notice"]')?.textContent).toContain('A link is on its way to ada.new@example.com');
    backend.verify();
  });

  it('puts a wrong current password on its field', async () => {
    const { fixture, el, backend } = await setup();
    const form = el.querySelector<HTMLFormElement>('form[aria-label="Change your password"]')!;
    const [current, next] = [...form.querySelectorAll<HTMLInputElement>('input[type="password"]')];
    current.value = 'wrong';
    current.dispatchEvent(new Event('input'));
    next.value = 'a long new password';
    next.dispatchEvent(new Event('input'));
    form.dispatchEvent(new Event('submit'));
    backend.expectOne('/api/v1/users/me/password').flush(
      {
        status: 400,
        title: 'Bad Request',
        detail: 'The current password is not right.',
        errors: [{ field: 'currentPassword', message: 'is not your current password' }],
      },
      { status: 400, statusText: 'Bad Request' },
    );
    await fixture.whenStable();
    expect(form.textContent).toContain('is not your current password');
    expect(el.querySelector('[data-testid="password-notice"]')).toBeNull();
    backend.verify();
  });

  it('downloads the archive of your data through the SDK', async () => {
    const { fixture, el, backend } = await setup();
    const created = jest.fn(() => 'blob:zip');
    Object.assign(URL, { createObjectURL: created, revokeObjectURL: jest.fn() });
    el.querySelector<HTMLButtonElement>('[data-testid="download-data"]')!.click();
    const call = backend.expectOne('/api/v1/users/me/export');
    expect(call.request.responseType).toBe('blob');
    call.flush(new Blob(['PK']), { headers: { 'Content-Type': 'application/zip' } });
    await fixture.whenStable();
    expect(created).toHaveBeenCalledTimes(1);
    backend.verify();
  });

  it('does not delete the account without the password', async () => {
    const { fixture, el, backend } = await setup();
    el.querySelector<HTMLFormElement>('form[aria-label="Delete your account"]')!.dispatchEvent(new Event('submit'));
    await fixture.whenStable();
    expect(el.querySelector('form[aria-label="Delete your account"]')!.textContent).toContain('Your password is required');
    backend.verify();
  });
});
