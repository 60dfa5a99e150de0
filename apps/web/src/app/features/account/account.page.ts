import { DatePipe } from '@angular/common';
import { ChangeDetectionStrategy, Component, inject, Injector, signal } from '@angular/core';
import { rxResource, takeUntilDestroyed } from '@angular/core/rxjs-interop';
import { type FormGroup, NonNullableFormBuilder, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { type Observable, Subject } from 'rxjs';
import { Router } from '@angular/router';
import { SessionStore } from '../../core/auth/session.store';
import { type Problem, toProblem } from '../../core/http/problem';
import { applyFieldErrors, fieldMessage } from '../../shared/form-errors';
import { confirm } from '../../shared/lazy-overlays';
import { saveBlob } from '../../shared/save-blob';
import { submitEach } from '../../shared/submit-each';
import { AccountService } from './data/account.service';

/** One form of the page: its submits, its outcome. */
class FormState {
  readonly submits = new Subject<void>();
  readonly submitting = signal(false);
  readonly notice = signal<string | null>(null);
  readonly problem = signal<string[]>([]);

  constructor(
    readonly form: FormGroup,
    call: () => Observable<unknown>,
    success: () => string,
  ) {
    this.submits
      .pipe(
        submitEach(call, () => {
          this.submitting.set(true);
          this.notice.set(null);
          this.problem.set([]);
        }),
        takeUntilDestroyed(),
      )
      .subscribe((problem: Problem | null) => {
        this.submitting.set(false);
        if (!problem) {
          this.notice.set(success());
          form.reset();
          return;
        }
        const unclaimed = applyFieldErrors(form, problem);
        this.problem.set(unclaimed.length || !Object.keys(problem.fieldErrors).length ? [problem.message] : []);
      });
  }

  submit(): void {
    if (this.form.invalid) {
      this.form.markAllAsTouched();
      return;
    }
    this.submits.next();
  }
}

/** The account a person manages alone: their address, their password, where they are signed in. */
@Component({
  selector: 'pt-account-page',
  imports: [ReactiveFormsModule, DatePipe, MatFormFieldModule, MatInputModule, MatButtonModule],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './account.page.html',
  styleUrl: './account.page.scss',
})
export class AccountPage {
  private readonly account = inject(AccountService);
  private readonly fb = inject(NonNullableFormBuilder);
  private readonly session = inject(SessionStore);
  private readonly router = inject(Router);
  private readonly injector = inject(Injector);
  protected readonly user = this.session.user;
  protected readonly fieldMessage = fieldMessage;

  private readonly emailForm = this.fb.group({
    email: ['', [Validators.required, Validators.email, Validators.maxLength(254)]],
    currentPassword: ['', [Validators.required, Validators.maxLength(128)]],
  });
  protected readonly email = new FormState(
    this.emailForm,
    () => this.account.changeEmail(this.emailForm.getRawValue().email, this.emailForm.getRawValue().currentPassword),
    () => `A link is on its way to ${this.emailForm.getRawValue().email}. Nothing changes until you follow it.`,
  );

  private readonly passwordForm = this.fb.group({
    currentPassword: ['', [Validators.required, Validators.maxLength(128)]],
    newPassword: ['', [Validators.required, Validators.minLength(8), Validators.maxLength(128)]],
  });
  protected readonly password = new FormState(
    this.passwordForm,
    () => this.account.changePassword(this.passwordForm.getRawValue().currentPassword, this.passwordForm.getRawValue().newPassword),
    () => 'Your password is changed. Every other device is signed out.',
  );

  protected readonly sessions = rxResource({ stream: () => this.account.sessions() });
  protected readonly sessionProblem = signal<string | null>(null);

  protected readonly exporting = signal(false);
  protected readonly exportProblem = signal<string | null>(null);

  private readonly deleteForm = this.fb.group({ password: ['', [Validators.required, Validators.maxLength(128)]] });
  protected readonly deletion = new FormState(
    this.deleteForm,
    () => this.account.deleteAccount(this.deleteForm.getRawValue().password),
    () => {
      // Nothing is left to sign out of: forget the session here and say goodbye on the login page.
      this.session.clear();
      void this.router.navigate(['/login'], { queryParams: { deleted: 1 } });
      return '';
    },
  );
  protected readonly deleteControls = this.deleteForm.controls;

  protected readonly emailControls = this.emailForm.controls;
  protected readonly passwordControls = this.passwordForm.controls;

  protected downloadData(): void {
    this.exporting.set(true);
    this.exportProblem.set(null);
    this.account.exportAccount().subscribe({
      next: (zip) => {
        this.exporting.set(false);
        saveBlob(zip, `primetrade-${new Date().toISOString().slice(0, 10)}.zip`);
      },
      error: (error: unknown) => {
        this.exporting.set(false);
        this.exportProblem.set(toProblem(error).message);
      },
    });
  }

  protected async deleteAccount(): Promise<void> {
    if (this.deleteForm.invalid) {
      this.deleteForm.markAllAsTouched();
      return;
    }
    const sure = await confirm(this.injector, {
      title: 'Delete your account?',
      message: 'Your tasks, attachments, notifications and everything else are erased for good. This cannot be undone.',
      confirmLabel: 'Delete my account',
    });
    if (sure) this.deletion.submit();
  }

  protected revoke(id: string): void {
    this.sessionAction(this.account.revokeSession(id));
  }

  protected revokeOthers(): void {
    this.sessionAction(this.account.revokeOtherSessions());
  }

  private sessionAction(call: Observable<unknown>): void {
    this.sessionProblem.set(null);
    call.subscribe({
      next: () => this.sessions.reload(),
      error: (error: unknown) => {
        this.sessionProblem.set(toProblem(error).message);
        this.sessions.reload();
      },
    });
  }

  /** A User-Agent reduced to what a person recognises: the browser and the system. */
  protected client(userAgent: string | null): string {
    if (!userAgent) return 'Unknown client';
    const browser = /(Edg|Firefox|Chrome|Chromium|Safari|curl)\/[\d.]+/.exec(userAgent)?.[1]?.replace('Edg', 'Edge') ?? 'Browser';
    const system = /(Windows|Mac OS X|Android|iPhone|iPad|Linux)/.exec(userAgent)?.[1]?.replace('Mac OS X', 'macOS') ?? '';
    return system ? `${browser} on ${system}` : browser;
  }
}
