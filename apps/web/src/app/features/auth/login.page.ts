import { ChangeDetectionStrategy, Component, inject, input, signal } from '@angular/core';
import { takeUntilDestroyed } from '@angular/core/rxjs-interop';
import { NonNullableFormBuilder, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatCardModule } from '@angular/material/card';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { Router, RouterLink } from '@angular/router';
import { Subject } from 'rxjs';
import { AuthService } from '../../core/auth/auth.service';
import { Problem } from '../../core/http/problem';
import { fieldMessage } from '../../shared/form-errors';
import { submitEach } from '../../shared/submit-each';

@Component({
  selector: 'pt-login-page',
  imports: [ReactiveFormsModule, RouterLink, MatCardModule, MatFormFieldModule, MatInputModule, MatButtonModule],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './login.page.html',
  styleUrl: './auth-page.scss',
})
export class LoginPage {
  private readonly auth = inject(AuthService);
  private readonly router = inject(Router);
  private readonly submits = new Subject<void>();

  /** Query parameters, bound by the router. */
  readonly returnUrl = input<string>();
  readonly registered = input<string>();
  readonly expired = input<string>();
  readonly reset = input<string>();
  /** After the account was deleted. */
  readonly deleted = input<string>();

  protected readonly form = inject(NonNullableFormBuilder).group({
    email: ['', [Validators.required, Validators.email]],
    password: ['', [Validators.required]],
  });
  protected readonly submitting = signal(false);
  protected readonly problem = signal<Problem | null>(null);
  protected readonly fieldMessage = fieldMessage;

  constructor() {
    // While a login is in flight, further submits are ignored (no double posts).
    this.submits
      .pipe(
        submitEach(
          () => this.auth.login(this.form.getRawValue()),
          () => {
            this.submitting.set(true);
            this.problem.set(null);
          },
        ),
        takeUntilDestroyed(),
      )
      .subscribe((problem) => {
        this.submitting.set(false);
        if (problem) {
          this.problem.set(problem.status === 401 ? { ...problem, message: 'Wrong email or password.' } : problem);
          return;
        }
        const target = this.returnUrl();
        void this.router.navigateByUrl(target?.startsWith('/') && !target.startsWith('//') ? target : '/tasks');
      });
  }

  protected submit(): void {
    if (this.form.invalid) {
      this.form.markAllAsTouched();
      return;
    }
    this.submits.next();
  }
}
