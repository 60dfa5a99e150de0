import { HttpErrorResponse, HttpInterceptorFn, HttpRequest } from '@angular/common/http';
import { inject } from '@angular/core';
import { Router } from '@angular/router';
import { catchError, switchMap, throwError } from 'rxjs';
import { SKIP_AUTH } from '../http/skip-auth.context';
import { AuthService } from './auth.service';
import { SessionStore } from './session.store';

/**
 * Adds the bearer token to API calls. On a 401 it refreshes the session once and retries;
 * when the refresh fails too, the session ends and the user goes back to the login page.
 */
export const authInterceptor: HttpInterceptorFn = (req, next) => {
  if (req.context.get(SKIP_AUTH)) return next(req);
  const session = inject(SessionStore);
  const auth = inject(AuthService);
  const router = inject(Router);

  const withToken = (request: HttpRequest<unknown>, token: string | null) =>
    token ? request.clone({ setHeaders: { Authorization: `Bearer ${token}` } }) : request;

  return next(withToken(req, session.accessToken())).pipe(
    catchError((error: unknown) => {
      if (!(error instanceof HttpErrorResponse) || error.status !== 401 || !session.refreshToken()) {
        return throwError(() => error);
      }
      return auth.refresh().pipe(
        catchError(() => {
          session.clear();
          void router.navigate(['/login'], { queryParams: { expired: 1 } });
          return throwError(() => error);
        }),
        switchMap((tokens) => next(withToken(req, tokens.accessToken))),
      );
    }),
  );
};
