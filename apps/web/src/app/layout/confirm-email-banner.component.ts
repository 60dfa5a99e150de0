import { ChangeDetectionStrategy, Component, computed, inject, signal } from '@angular/core';
import { takeUntilDestroyed } from '@angular/core/rxjs-interop';
import { catchError, exhaustMap, of, Subject } from 'rxjs';
import { SessionStore } from '../core/auth/session.store';
import { toProblem } from '../core/http/problem';
import { AccountService } from '../features/account/data/account.service';

/** Until the address is confirmed: says so, once per page, with a way to get the link again. */
@Component({
  selector: 'pt-confirm-email-banner',
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    @if (unconfirmed(); as email) {
      <div class="banner" role="status" data-testid="confirm-banner">
        <div class="text">
          <p class="title">Confirm your address</p>
          <p class="detail">
            We sent a link to <strong class="address">{{ email }}</strong>
            @if (sent()) {
              <span data-testid="confirm-resent">{{ sent() }}</span>
            }
          </p>
        </div>
        <button type="button" (click)="resends.next()" [disabled]="sending()" data-testid="confirm-resend">
          {{ sending() ? 'Sending…' : 'Send it again' }}
        </button>
      </div>
    }
  `,
  styles: `
    :host {
      display: block;
      position: sticky;
      bottom: 0;
      z-index: 2;
    }
    .banner {
      display: flex;
      flex-wrap: wrap;
      align-items: center;
      justify-content: space-between;
      gap: 8px 16px;
      padding: 8px 16px;
      background: var(--mat-sys-tertiary-container);
      color: var(--mat-sys-on-tertiary-container);
    }
    /* A title line and a smaller line with the address (a Material banner's headline and supporting
       text): on a phone one long paragraph wrapped into the largest text of the page, painted only
       once the profile had been read — Lighthouse's LCP element on the list and dashboard. */
    p {
      margin: 0;
    }
    .title {
      font: var(--mat-sys-title-small);
    }
    .detail {
      font: var(--mat-sys-body-small);
      overflow-wrap: anywhere;
    }
    /* The address on a line of its own: read at a glance, and not wrapped into the sentence —
       which made that one paragraph the dashboard's largest text (its LCP), painted late. */
    .address {
      display: block;
    }
    button {
      font: inherit;
      padding: 6px 12px;
      border-radius: 16px;
      border: 1px solid currentColor;
      background: transparent;
      color: inherit;
      cursor: pointer;
    }
  `,
})
export class ConfirmEmailBannerComponent {
  private readonly session = inject(SessionStore);
  private readonly account = inject(AccountService);
  protected readonly resends = new Subject<void>();
  protected readonly sending = signal(false);
  /** What the last request answered: the API's message, or why it failed (e.g. too many). */
  protected readonly sent = signal<string | null>(null);
  protected readonly unconfirmed = computed(() => {
    const user = this.session.user();
    return user && !user.emailConfirmed ? user.email : null;
  });

  constructor() {
    this.resends
      .pipe(
        exhaustMap(() => {
          this.sending.set(true);
          return this.account.resendConfirmation().pipe(catchError((error: unknown) => of(toProblem(error).message)));
        }),
        takeUntilDestroyed(),
      )
      .subscribe((message) => {
        this.sending.set(false);
        this.sent.set(message);
      });
  }
}
