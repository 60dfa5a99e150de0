import { DatePipe } from '@angular/common';
import { ChangeDetectionStrategy, Component, inject, Injector, signal } from '@angular/core';
import { rxResource, takeUntilDestroyed } from '@angular/core/rxjs-interop';
import { NonNullableFormBuilder, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatCheckboxModule } from '@angular/material/checkbox';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { MatSlideToggleModule } from '@angular/material/slide-toggle';
import { type Observable, Subject, tap } from 'rxjs';
import { toProblem } from '../../../core/http/problem';
import { applyFieldErrors, fieldMessage } from '../../../shared/form-errors';
import { confirm } from '../../../shared/lazy-overlays';
import { submitEach } from '../../../shared/submit-each';
import {
  type CreatedWebhook,
  SettingsService,
  type Webhook,
  type WebhookDelivery,
  WEBHOOK_EVENTS,
  type WebhookEvent,
} from '../data/settings.service';
import { ShownOnceComponent } from '../shown-once.component';

/** Webhook endpoints: add one (its secret shown once), enable or disable, delete, ping, read its deliveries. */
@Component({
  selector: 'pt-webhooks-page',
  imports: [
    ReactiveFormsModule,
    DatePipe,
    MatButtonModule,
    MatCheckboxModule,
    MatFormFieldModule,
    MatInputModule,
    MatSlideToggleModule,
    ShownOnceComponent,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './webhooks.page.html',
  styleUrl: './webhooks.page.scss',
})
export class WebhooksPage {
  private readonly settings = inject(SettingsService);
  private readonly injector = inject(Injector);
  protected readonly fieldMessage = fieldMessage;
  protected readonly events = WEBHOOK_EVENTS;

  protected readonly form = inject(NonNullableFormBuilder).group({
    url: ['', [Validators.required, Validators.maxLength(2048), Validators.pattern(/^https?:\/\/\S+$/)]],
  });
  /** The events ticked in the form (task.created to start with). */
  protected readonly chosen = signal<ReadonlySet<WebhookEvent>>(new Set<WebhookEvent>(['task.created']));
  protected readonly eventsMissing = signal(false);
  protected readonly submitting = signal(false);
  protected readonly formProblem = signal<string | null>(null);
  /** The endpoint just added, with its secret: shown until "Done". */
  protected readonly created = signal<CreatedWebhook | null>(null);

  protected readonly webhooks = rxResource({ stream: () => this.settings.webhooks() });
  protected readonly listProblem = signal<string | null>(null);
  /** The endpoint whose deliveries are open, and what was read of them. */
  protected readonly openId = signal<string | null>(null);
  protected readonly deliveries = rxResource({
    params: () => this.openId() ?? undefined,
    stream: ({ params: id }) => this.settings.deliveries(id),
  });

  private readonly submits = new Subject<void>();

  constructor() {
    let created: CreatedWebhook | null = null;
    this.submits
      .pipe(
        submitEach(
          () => this.settings.createWebhook(this.form.getRawValue().url.trim(), [...this.chosen()]).pipe(tap((c) => (created = c))),
          () => {
            this.submitting.set(true);
            this.formProblem.set(null);
          },
        ),
        takeUntilDestroyed(),
      )
      .subscribe((problem) => {
        this.submitting.set(false);
        if (!problem) {
          this.created.set(created);
          this.form.reset();
          this.webhooks.reload();
          return;
        }
        const unclaimed = applyFieldErrors(this.form, problem);
        if (unclaimed.length || !Object.keys(problem.fieldErrors).length || problem.fieldErrors['events']) {
          this.formProblem.set(problem.fieldErrors['events'] ?? problem.message);
        }
      });
  }

  protected toggleEvent(event: WebhookEvent, on: boolean): void {
    const next = new Set(this.chosen());
    if (on) next.add(event);
    else next.delete(event);
    this.chosen.set(next);
    this.eventsMissing.set(next.size === 0);
  }

  protected submit(): void {
    if (this.chosen().size === 0) this.eventsMissing.set(true);
    if (this.form.invalid || this.chosen().size === 0) {
      this.form.markAllAsTouched();
      return;
    }
    this.submits.next();
  }

  protected setEnabled(hook: Webhook, enabled: boolean): void {
    this.act(this.settings.setEnabled(hook.id, enabled));
  }

  protected ping(hook: Webhook): void {
    this.act(this.settings.ping(hook.id), () => this.openId.set(hook.id));
  }

  protected toggleDeliveries(hook: Webhook): void {
    this.openId.set(this.openId() === hook.id ? null : hook.id);
  }

  protected confirmDelete(hook: Webhook): void {
    void confirm(this.injector, {
      title: 'Delete webhook?',
      message: `${hook.url} will get no more deliveries; pending ones are dropped.`,
      confirmLabel: 'Delete',
    }).then((yes) => {
      if (!yes) return;
      if (this.openId() === hook.id) this.openId.set(null);
      this.act(this.settings.deleteWebhook(hook.id));
    });
  }

  /** The last attempt of a delivery, as a person reads it. */
  protected lastAttempt(delivery: WebhookDelivery): string {
    const last = delivery.attempts.at(-1);
    if (!last) return 'not tried yet';
    return `${last.statusCode ?? last.error ?? 'no answer'} in ${last.durationMs} ms`;
  }

  private act(call: Observable<unknown>, then?: () => void): void {
    this.listProblem.set(null);
    call.subscribe({
      next: () => {
        then?.();
        this.webhooks.reload();
        this.deliveries.reload();
      },
      error: (error: unknown) => {
        this.listProblem.set(toProblem(error).message);
        this.webhooks.reload();
      },
    });
  }
}
