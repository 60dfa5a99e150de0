import { HttpTestingController } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { SessionStore } from '../core/auth/session.store';
import { provideTestApp } from '../testing/test-providers';
import { ConfirmEmailBannerComponent } from './confirm-email-banner.component';

describe('ConfirmEmailBannerComponent', () => {
  const user = { id: 'u1', name: 'Ada', email: 'ada@example.com', createdAt: '2026-11-01T09:00:00.000Z' };
  const setup = async (emailConfirmed: boolean) => {
    TestBed.configureTestingModule({ imports: [ConfirmEmailBannerComponent], providers: provideTestApp() });
    TestBed.inject(SessionStore).user.set({ ...user, emailConfirmed });
    const fixture = TestBed.createComponent(ConfirmEmailBannerComponent);
    await fixture.whenStable();
    return { fixture, el: fixture.nativeElement as HTMLElement, backend: TestBed.inject(HttpTestingController) };
  };

  it('shows until the address is confirmed, and sends the link again once per click while one is on its way', async () => {
    const { fixture, el, backend } = await setup(false);
    expect(el.textContent).toContain('Confirm your address');
    expect(el.textContent).toContain('We sent a link to ada@example.com');
    const button = el.querySelector<HTMLButtonElement>('[data-testid="confirm-resend"]')!;
    button.click();
    button.click();
    backend
      .expectOne('/api/v1/users/me/email/confirmation')
      .flush({ message: 'A confirmation link is on its way.' }, { status: 202, statusText: 'Accepted' });
    await fixture.whenStable();
    expect(el.querySelector('[data-testid="confirm-resent"]')?.textContent).toContain('on its way');
    TestBed.inject(SessionStore).user.set({ ...user, emailConfirmed: true });
    await fixture.whenStable();
    expect(el.querySelector('[data-testid="confirm-banner"]')).toBeNull();
    backend.verify();
  });

  it('says so when asked too often', async () => {
    const { fixture, el, backend } = await setup(false);
    el.querySelector<HTMLButtonElement>('[data-testid="confirm-resend"]')!.click();
    backend
      .expectOne('/api/v1/users/me/email/confirmation')
      .flush(
        { status: 429, title: 'Too Many Requests' },
        { status: 429, statusText: 'Too Many Requests', headers: { 'Retry-After': '600' } },
      );
    await fixture.whenStable();
    expect(el.querySelector('[data-testid="confirm-resent"]')?.textContent).toContain('Try again in 600 seconds');
    backend.verify();
  });

  it('is not shown for a confirmed address', async () => {
    const { el } = await setup(true);
    expect(el.querySelector('[data-testid="confirm-banner"]')).toBeNull();
  });
});
