import { InjectionToken } from '@angular/core';

/**
 * Origin of the API, without the `/api/v1` prefix (the generated SDK carries the paths).
 * Empty means "same origin": the API serves this app, and the dev server proxies `/api`.
 */
export const API_BASE_URL = new InjectionToken<string>('API_BASE_URL', {
  providedIn: 'root',
  factory: () => '',
});
