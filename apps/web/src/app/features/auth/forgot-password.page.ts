import { ChangeDetectionStrategy, Component, inject, signal } from '@angular/core';
import { takeUntilDestroyed } from '@angular/core/rxjs-interop';
import { NonNullableFormBuilder, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatCardModule } from '@angular/material/card';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { RouterLink } from '@angular/router';
import { Subject } from 'rxjs';
import { AuthService } from '../../core/auth/auth.service';
import { Problem } from '../../core/http/problem';
import { fieldMessage } from '../../shared/form-errors';
import { submitEach } from '../../shared/submit-each';

/** "Forgot your password?": asks the API to mail a reset link. */
@Component({
  selector: 'pt-forgot-password-page',
  imports: [ReactiveFormsModule, RouterLink, MatCardModule, MatFormFieldModule, MatInputModule, MatButtonModule],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './forgot-password.page.html',
  styleUrl: './auth-page.scss',
})
export class ForgotPasswordPage {
  private readonly auth = inject(AuthService);
  private readonly submits = new Subject<void>();

  protected readonly form = inject(NonNullableFormBuilder).group({ email: ['', [Validators.required, Validators.email]] });
  protected readonly submitting = signal(false);
  protected readonly sent = signal(false);
  protected readonly problem = signal<Problem | null>(null);
  protected readonly fieldMessage = fieldMessage;

  constructor() {
    this.submits
      .pipe(
        submitEach(
          () => this.auth.forgotPassword(this.form.getRawValue().email),
          () => {
            this.submitting.set(true);
            this.problem.set(null);
          },
        ),
        takeUntilDestroyed(),
      )
      .subscribe((problem) => {
        this.submitting.set(false);
        if (problem) this.problem.set(problem);
        else this.sent.set(true);
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
