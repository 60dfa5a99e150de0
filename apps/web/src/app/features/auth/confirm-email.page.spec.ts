import { HttpTestingController } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { SessionStore } from '../../core/auth/session.store';
import { provideTestApp } from '../../testing/test-providers';
import { ConfirmEmailPage } from './confirm-email.page';

describe('ConfirmEmailPage', () => {
  const setup = async (token?: string) => {
    TestBed.configureTestingModule({ imports: [ConfirmEmailPage], providers: provideTestApp() });
    const fixture = TestBed.createComponent(ConfirmEmailPage);
    if (token) fixture.componentRef.setInput('token', token);
    const el: HTMLElement = fixture.nativeElement;
    fixture.detectChanges(); // the resource asks on this render (whenStable would wait for its answer)
    return { fixture, el, backend: TestBed.inject(HttpTestingController) };
  };
  const user = { id: 'u1', name: 'Ada', email: 'ada@example.com', createdAt: '2026-11-01T09:00:00.000Z' };

  it('confirms on arrival with the token of the link, and the signed-in user sees it at once', async () => {
    const { fixture, el, backend } = await setup('tok-1');
    TestBed.inject(SessionStore).user.set({ ...user, emailConfirmed: false });
    const call = backend.expectOne('/api/v1/auth/email/confirm');
    expect(call.request.body).toEqual({ token: 'tok-1' });
    expect(call.request.headers.has('Authorization')).toBe(false);
    call.flush({ ...user, emailConfirmed: true });
    await fixture.whenStable();
    expect(el.querySelector('[data-testid="confirmed"]')?.textContent).toContain('ada@example.com is confirmed');
    expect(TestBed.inject(SessionStore).user()?.emailConfirmed).toBe(true);
    backend.verify();
  });

  it('says when the link is not valid', async () => {
    const { fixture, el, backend } = await setup('used');
    backend
      .expectOne('/api/v1/auth/email/confirm')
      .flush(
        { status: 400, title: 'Bad Request', detail: 'This confirmation link is invalid, used already or expired; ask for a new one.' },
        { status: 400, statusText: 'Bad Request' },
      );
    await fixture.whenStable();
    expect(el.querySelector('[data-testid="confirm-error"]')?.textContent).toContain('invalid, used already or expired');
    backend.verify();
  });

  it('asks for the link when there is no token, and calls nothing', async () => {
    const { el, backend } = await setup();
    expect(el.textContent).toContain('needs the link from the confirmation mail');
    backend.verify();
  });
});
