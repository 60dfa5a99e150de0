import { inject, Injectable } from '@angular/core';
import { Api, confirmEmail, forgotPassword, getMe, login, logout, refresh, register, resetPassword } from '@primetrade/api-client';
import { catchError, finalize, map, Observable, of, shareReplay, switchMap, tap } from 'rxjs';
import { Credentials, Registration, Tokens, User } from '../api/auth.types';
import { skipAuth } from '../http/skip-auth.context';
import { SessionStore } from './session.store';

/** Register, log in, refresh and log out through the generated SDK. */
@Injectable({ providedIn: 'root' })
export class AuthService {
  private readonly api = inject(Api);
  private readonly session = inject(SessionStore);
  private refreshing$: Observable<Tokens> | null = null;

  register(body: Registration): Observable<User> {
    return this.api.invoke(register, { body }, skipAuth());
  }

  /** Asks for a reset link; the API answers the same whether or not the address has an account. */
  forgotPassword(email: string): Observable<unknown> {
    return this.api.invoke(forgotPassword, { body: { email } }, skipAuth());
  }

  /** Sets a new password with the token from a reset link (every session of the account ends). */
  resetPassword(token: string, password: string): Observable<unknown> {
    return this.api.invoke(resetPassword, { body: { token, password } }, skipAuth());
  }

  /**
   * Follows a confirmation link (no bearer: it may be opened on any device). When this browser is
   * signed in as that user, the toolbar and banner see the confirmed address at once.
   */
  confirmEmail(token: string): Observable<User> {
    return this.api.invoke(confirmEmail, { body: { token } }, skipAuth()).pipe(
      tap((user) => {
        if (this.session.user()?.id === user.id) this.session.user.set(user);
      }),
    );
  }

  login(body: Credentials): Observable<User> {
    return this.api.invoke(login, { body }, skipAuth()).pipe(
      tap((tokens) => this.session.start(tokens)),
      switchMap(() => this.loadUser()),
    );
  }

  loadUser(): Observable<User> {
    return this.api.invoke(getMe).pipe(tap((user) => this.session.user.set(user)));
  }

  /**
   * Exchanges the refresh token for a new pair. Concurrent callers share one request: the API
   * rotates refresh tokens and treats reuse of an old one as theft.
   */
  refresh(): Observable<Tokens> {
    const refreshToken = this.session.refreshToken();
    if (!refreshToken) throw new Error('No refresh token');
    this.refreshing$ ??= this.api.invoke(refresh, { body: { refreshToken } }, skipAuth()).pipe(
      tap((tokens) => this.session.start(tokens)),
      finalize(() => (this.refreshing$ = null)),
      shareReplay({ bufferSize: 1, refCount: false }),
    );
    return this.refreshing$;
  }

  /** Revokes the refresh token on the server (best effort) and forgets the session. */
  logout(): Observable<void> {
    const refreshToken = this.session.refreshToken();
    const revoke = refreshToken
      ? this.api.invoke(logout, { body: { refreshToken } }, skipAuth()).pipe(catchError(() => of(undefined)))
      : of(undefined);
    return revoke.pipe(
      map(() => undefined),
      finalize(() => this.session.clear()),
    );
  }
}
