import { ChangeDetectionStrategy, Component, computed, inject, input } from '@angular/core';
import { rxResource } from '@angular/core/rxjs-interop';
import { MatCardModule } from '@angular/material/card';
import { RouterLink } from '@angular/router';
import { of } from 'rxjs';
import { AuthService } from '../../core/auth/auth.service';
import { SessionStore } from '../../core/auth/session.store';
import { toProblem } from '../../core/http/problem';

/** The page a confirmation mail links to: `/confirm-email?token=…`; it confirms on arrival. */
@Component({
  selector: 'pt-confirm-email-page',
  imports: [RouterLink, MatCardModule],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './confirm-email.page.html',
  styleUrl: './auth-page.scss',
})
export class ConfirmEmailPage {
  private readonly auth = inject(AuthService);
  protected readonly signedIn = inject(SessionStore).isAuthenticated;

  /** From the link's query string, bound by the router. */
  readonly token = input<string>();

  protected readonly confirmation = rxResource({
    params: () => this.token(),
    stream: ({ params: token }) => (token ? this.auth.confirmEmail(token) : of(null)),
  });
  protected readonly problem = computed(() => (this.confirmation.error() ? toProblem(this.confirmation.error()) : null));
}
