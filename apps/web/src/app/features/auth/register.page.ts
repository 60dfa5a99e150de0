import { ChangeDetectionStrategy, Component, inject, signal } from '@angular/core';
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
import { applyFieldErrors, fieldMessage } from '../../shared/form-errors';
import { submitEach } from '../../shared/submit-each';

@Component({
  selector: 'pt-register-page',
  imports: [ReactiveFormsModule, RouterLink, MatCardModule, MatFormFieldModule, MatInputModule, MatButtonModule],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './register.page.html',
  styleUrl: './auth-page.scss',
})
export class RegisterPage {
  private readonly auth = inject(AuthService);
  private readonly router = inject(Router);
  private readonly submits = new Subject<void>();

  // Mirrors the API's RegisterRequest rules, so most mistakes never reach the server.
  protected readonly form = inject(NonNullableFormBuilder).group({
    name: ['', [Validators.required]],
    email: ['', [Validators.required, Validators.email]],
    password: ['', [Validators.required, Validators.minLength(8)]],
  });
  protected readonly submitting = signal(false);
  protected readonly problem = signal<Problem | null>(null);
  protected readonly fieldMessage = fieldMessage;

  constructor() {
    this.submits
      .pipe(
        submitEach(
          () => this.auth.register(this.form.getRawValue()),
          () => {
            this.submitting.set(true);
            this.problem.set(null);
          },
        ),
        takeUntilDestroyed(),
      )
      .subscribe((problem) => {
        this.submitting.set(false);
        if (!problem) {
          void this.router.navigate(['/login'], { queryParams: { registered: 1 } });
          return;
        }
        if (problem.status === 409) {
          // A duplicate email belongs next to the email field, whatever shape the body has.
          problem.fieldErrors['email'] ??= 'An account with this email already exists.';
        }
        const rest = applyFieldErrors(this.form, problem);
        if (rest.length || !Object.keys(problem.fieldErrors).length) this.problem.set(problem);
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
