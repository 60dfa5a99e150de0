import { HttpContext, HttpContextToken } from '@angular/common/http';

/** Marks calls (login, refresh, ...) that must not carry a bearer token or trigger a refresh. */
export const SKIP_AUTH = new HttpContextToken<boolean>(() => false);

export const skipAuth = () => new HttpContext().set(SKIP_AUTH, true);
