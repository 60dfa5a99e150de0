import { InjectionToken } from '@angular/core';

/** Where the session is kept between reloads; a token so tests can use an in-memory Storage. */
export const SESSION_STORAGE = new InjectionToken<Storage>('SESSION_STORAGE', {
  providedIn: 'root',
  factory: () => localStorage,
});
