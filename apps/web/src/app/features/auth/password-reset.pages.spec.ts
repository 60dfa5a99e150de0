import { HttpTestingController } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { Router } from '@angular/router';
import { provideTestApp } from '../../testing/test-providers';
import { ForgotPasswordPage } from './forgot-password.page';
import { ResetPasswordPage } from './reset-password.page';

const type = (el: HTMLElement, selector: string, value: string) => {
  const input = el.querySelector<HTMLInputElement>(selector)!;
  input.value = value;
  input.dispatchEvent(new Event('input'));
};

describe('ForgotPasswordPage', () => {
  it('asks for a link once and then says the same thing whatever the address', async () => {
    TestBed.configureTestingModule({ imports: [ForgotPasswordPage], providers: provideTestApp() });
    const fixture = TestBed.createComponent(ForgotPasswordPage);
    const el: HTMLElement = fixture.nativeElement;
    await fixture.whenStable();
    type(el, 'input[type="email"]', 'ada@example.com');
    el.querySelector('form')!.dispatchEvent(new Event('submit'));
    el.querySelector('form')!.dispatchEvent(new Event('submit'));
    const backend = TestBed.inject(HttpTestingController);
    const call = backend.expectOne('/api/v1/auth/password/forgot');
    expect(call.request.body).toEqual({ email: 'ada@example.com' });
    call.flush({ message: 'If an account has this address…' }, { status: 202, statusText: 'Accepted' });
    await fixture.whenStable();
    expect(el.querySelector('[data-testid="reset-sent"]')?.textContent).toContain('If an account has this address');
    backend.verify();
  });
});

describe('ResetPasswordPage', () => {
  const setup = async (token?: string) => {
    TestBed.configureTestingModule({ imports: [ResetPasswordPage], providers: provideTestApp() });
    const fixture = TestBed.createComponent(ResetPasswordPage);
    if (token) fixture.componentRef.setInput('token', token);
    const el: HTMLElement = fixture.nativeElement;
    await fixture.whenStable();
    return { fixture, el, backend: TestBed.inject(HttpTestingController) };
  };

  it('sets the new password with the token from the link, then goes to log in', async () => {
    const { el, backend } = await setup('tok-123');
    const navigate = jest.spyOn(TestBed.inject(Router), 'navigate').mockResolvedValue(true);
    type(el, 'input[type="password"]', 'a new long password');
    el.querySelector('form')!.dispatchEvent(new Event('submit'));
    const call = backend.expectOne('/api/v1/auth/password/reset');
    expect(call.request.body).toEqual({ token: 'tok-123', password: 'a new long password' });
    call.flush(null, { status: 204, statusText: 'No Content' });
    expect(navigate).toHaveBeenCalledWith(['/login'], { queryParams: { reset: 1 } });
    backend.verify();
  });

  it('says a used or expired link is no good and offers a new one', async () => {
    const { fixture, el, backend } = await setup('old-token');
    type(el, 'input[type="password"]', 'a new long password');
    el.querySelector('form')!.dispatchEvent(new Event('submit'));
    backend.expectOne('/api/v1/auth/password/reset').flush(
      {
        status: 400,
        title: 'Bad Request',
        detail: 'This password reset link is invalid, used already or expired; ask for a new one.',
        errors: [{ field: 'token', message: 'is invalid' }],
      },
      { status: 400, statusText: 'Bad Request', headers: { 'content-type': 'application/problem+json' } },
    );
    await fixture.whenStable();
    const alert = el.querySelector('[data-testid="form-error"]')!;
    expect(alert.textContent).toContain('used already or expired');
    expect(alert.querySelector('a')?.getAttribute('href')).toBe('/forgot-password');
  });

  it('without a token, points to asking for a new link instead of showing the form', async () => {
    const { el } = await setup();
    expect(el.querySelector('form')).toBeNull();
    expect(el.querySelector('[role="alert"] a')?.getAttribute('href')).toBe('/forgot-password');
  });
});
