import { HttpTestingController } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { Router } from '@angular/router';
import { SessionStore } from '../../core/auth/session.store';
import { provideTestApp } from '../../testing/test-providers';
import { LoginPage } from './login.page';

describe('LoginPage', () => {
  const setup = async (returnUrl?: string) => {
    TestBed.configureTestingModule({ imports: [LoginPage], providers: provideTestApp() });
    const fixture = TestBed.createComponent(LoginPage);
    if (returnUrl) fixture.componentRef.setInput('returnUrl', returnUrl);
    const el: HTMLElement = fixture.nativeElement;
    await fixture.whenStable();
    const type = (selector: string, value: string) => {
      const input = el.querySelector<HTMLInputElement>(selector)!;
      input.value = value;
      input.dispatchEvent(new Event('input'));
    };
    type('input[type="email"]', 'ada@example.com');
    type('input[type="password"]', 'secret-secret');
    el.querySelector('form')!.dispatchEvent(new Event('submit'));
    return { fixture, el, backend: TestBed.inject(HttpTestingController) };
  };

  it('logs in, loads the profile and goes to the page the user wanted', async () => {
    const { backend } = await setup('/dashboard');
    const navigate = jest.spyOn(TestBed.inject(Router), 'navigateByUrl').mockResolvedValue(true);
    backend
      .expectOne('/api/v1/auth/login')
      .flush({ accessToken: 'a', refreshToken: 'r', tokenType: 'Bearer', expiresIn: 900, refreshExpiresIn: 3600 });
    const me = backend.expectOne('/api/v1/users/me');
    expect(me.request.headers.get('Authorization')).toBe('Bearer a');
    me.flush({ id: 'u1', name: 'Ada', email: 'ada@example.com', createdAt: '2030-01-01T00:00:00Z' });
    expect(TestBed.inject(SessionStore).user()?.name).toBe('Ada');
    expect(navigate).toHaveBeenCalledWith('/dashboard');
    backend.verify();
  });

  it('ignores a returnUrl that would leave the app', async () => {
    const { backend } = await setup('//evil.example.com');
    const navigate = jest.spyOn(TestBed.inject(Router), 'navigateByUrl').mockResolvedValue(true);
    backend
      .expectOne('/api/v1/auth/login')
      .flush({ accessToken: 'a', refreshToken: 'r', tokenType: 'Bearer', expiresIn: 1, refreshExpiresIn: 1 });
    backend.expectOne('/api/v1/users/me').flush({ id: 'u1', name: 'Ada', email: 'a@b.c', createdAt: '' });
    expect(navigate).toHaveBeenCalledWith('/tasks');
  });

  it('says the credentials are wrong on a 401, without refreshing anything', async () => {
    const { fixture, el, backend } = await setup();
    backend.expectOne('/api/v1/auth/login').flush({ title: 'Unauthorized', status: 401 }, { status: 401, statusText: 'Unauthorized' });
    backend.expectNone('/api/v1/auth/refresh');
    await fixture.whenStable();
    expect(el.querySelector('[role="alert"]')?.textContent).toContain('Wrong email or password.');
    expect(TestBed.inject(SessionStore).isAuthenticated()).toBe(false);
  });
});
