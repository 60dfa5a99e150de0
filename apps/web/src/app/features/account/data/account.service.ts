import { inject, Injectable } from '@angular/core';
import {
  Api,
  changeEmail,
  changePassword,
  deleteAccount,
  exportAccount,
  listSessions,
  resendConfirmation,
  revokeOtherSessions,
  revokeSession,
} from '@primetrade/api-client';
import { map, Observable } from 'rxjs';
import type { ResponseOf } from '../../../core/api/sdk-types';

export type AccountSession = ResponseOf<typeof listSessions>['items'][number];

/** The data access of the account page: every call through the generated SDK. */
@Injectable({ providedIn: 'root' })
export class AccountService {
  private readonly api = inject(Api);

  sessions(): Observable<AccountSession[]> {
    return this.api.invoke(listSessions).pipe(map((list) => list.items));
  }

  revokeSession(id: string): Observable<void> {
    return this.api.invoke(revokeSession, { id }).pipe(map(() => undefined));
  }

  /** Signs out every other session; answers how many ended. */
  revokeOtherSessions(): Observable<number> {
    return this.api.invoke(revokeOtherSessions).pipe(map((r) => r.revoked));
  }

  changePassword(currentPassword: string, newPassword: string): Observable<void> {
    return this.api.invoke(changePassword, { body: { currentPassword, newPassword } }).pipe(map(() => undefined));
  }

  /** Mails a link to the new address; nothing changes until it is followed. */
  changeEmail(email: string, currentPassword: string): Observable<string> {
    return this.api.invoke(changeEmail, { body: { email, currentPassword } }).pipe(map((r) => r.message));
  }

  /** Everything the service holds about the user, as one ZIP archive. */
  exportAccount(): Observable<Blob> {
    return this.api.invoke(exportAccount);
  }

  /** Erases the account and everything of it (the password is needed). */
  deleteAccount(password: string): Observable<void> {
    return this.api.invoke(deleteAccount, { body: { password } }).pipe(map(() => undefined));
  }

  resendConfirmation(): Observable<string> {
    return this.api.invoke(resendConfirmation).pipe(map((r) => r.message));
  }
}
