import { TestBed } from '@angular/core/testing';
import { Router, UrlSegment, UrlTree } from '@angular/router';
import { provideTestApp } from '../../testing/test-providers';
import { authGuard, guestGuard } from './auth.guards';
import { SessionStore } from './session.store';

const tokens = { accessToken: 'a', refreshToken: 'r', tokenType: 'Bearer' as const, expiresIn: 1, refreshExpiresIn: 1 };
const run = (guard: typeof authGuard, path: string[]) =>
  TestBed.runInInjectionContext(() =>
    guard(
      {},
      path.map((p) => new UrlSegment(p, {})),
    ),
  );

describe('route guards', () => {
  beforeEach(() => TestBed.configureTestingModule({ providers: provideTestApp() }));

  it('sends a visitor to the login page and remembers where they were going', () => {
    const result = run(authGuard, ['dashboard']) as UrlTree;
    expect(TestBed.inject(Router).serializeUrl(result)).toBe('/login?returnUrl=%2Fdashboard');
  });

  it('lets a signed-in user through, and keeps them away from login and register', () => {
    TestBed.inject(SessionStore).start(tokens);
    expect(run(authGuard, ['tasks'])).toBe(true);
    expect(TestBed.inject(Router).serializeUrl(run(guestGuard, ['login']) as UrlTree)).toBe('/tasks');
  });

  it('lets a visitor open the login page', () => {
    expect(run(guestGuard, ['login'])).toBe(true);
  });
});
