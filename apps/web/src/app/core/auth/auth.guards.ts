import { inject } from '@angular/core';
import { CanMatchFn, Router } from '@angular/router';
import { SessionStore } from './session.store';

/** Signed-in users only; others go to the login page and come back afterwards. */
export const authGuard: CanMatchFn = (_route, segments) => {
  if (inject(SessionStore).isAuthenticated()) return true;
  const returnUrl = '/' + segments.map((s) => s.path).join('/');
  return inject(Router).createUrlTree(['/login'], { queryParams: returnUrl === '/' ? {} : { returnUrl } });
};

/** Login and register pages make no sense with a session: go to the tasks. */
export const guestGuard: CanMatchFn = () => (inject(SessionStore).isAuthenticated() ? inject(Router).createUrlTree(['/tasks']) : true);
