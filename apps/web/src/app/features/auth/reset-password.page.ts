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

/** The page a reset mail links to: `/reset-password?token=…`. */
@Component({
  selector: 'pt-reset-password-page',
  imports: [ReactiveFormsModule, RouterLink, MatCardModule, MatFormFieldModule, MatInputModule, MatButtonModule],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './reset-password.page.html',
  styleUrl: './auth-page.scss',
})
export class ResetPasswordPage {
  private readonly auth = inject(AuthService);
  private readonly router = inject(Router);
  private readonly submits = new Subject<void>();

  /** From the link's query string, bound by the router. */
  readonly token = input<string>();

  protected readonly form = inject(NonNullableFormBuilder).group({
    password: ['', [Validators.required, Validators.minLength(8), Validators.maxLength(128)]],
  });
  protected readonly submitting = signal(false);
  protected readonly problem = signal<Problem | null>(null);
  protected readonly fieldMessage = fieldMessage;

  constructor() {
    this.submits
      .pipe(
        submitEach(
          () => this.auth.resetPassword(this.token() ?? '', this.form.getRawValue().password),
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
          this.problem.set(problem);
          return;
        }
        void this.router.navigate(['/login'], { queryParams: { reset: 1 } });
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
