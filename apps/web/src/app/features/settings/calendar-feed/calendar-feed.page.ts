import { ChangeDetectionStrategy, Component, inject, Injector, signal } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import type { Observable } from 'rxjs';
import { toProblem } from '../../../core/http/problem';
import { confirm } from '../../../shared/lazy-overlays';
import { type CalendarFeed, SettingsService } from '../data/settings.service';
import { ShownOnceComponent } from '../shown-once.component';

/**
 * The private calendar feed: create (or regenerate) its address, shown once with a copy button,
 * or revoke it. The address is the credential, so the API never shows it again.
 */
@Component({
  selector: 'pt-calendar-feed-page',
  imports: [MatButtonModule, ShownOnceComponent],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <section class="pt-card" aria-labelledby="feed-heading">
      <h2 id="feed-heading">Private calendar feed</h2>
      <p>
        Subscribe to your open tasks with a due date from any calendar application (Google Calendar, Apple Calendar, Outlook, Thunderbird).
        The address works without signing in, so keep it to yourself; make a new one if it leaks (the old one then stops working).
      </p>
      @if (problem(); as message) {
        <p class="error-banner" role="alert">{{ message }}</p>
      }
      @if (notice(); as message) {
        <p class="notice" role="status" data-testid="feed-notice">{{ message }}</p>
      }
      @if (feed(); as f) {
        <pt-shown-once
          label="Your feed address"
          hint="Shown only this once: copy it into your calendar application now."
          [value]="f.url"
          (done)="feed.set(null)"
        />
        <p><a [href]="f.webcalUrl" data-testid="webcal-link">Open in your calendar application</a></p>
      }
      <div class="actions">
        <button mat-flat-button type="button" (click)="issue()" [disabled]="busy()" data-testid="feed-issue">Create a new address</button>
        <button mat-stroked-button type="button" (click)="revoke()" [disabled]="busy()" data-testid="feed-revoke">
          Revoke the address
        </button>
      </div>
    </section>
  `,
  styles: `
    a {
      color: var(--mat-sys-primary);
    }
    .actions {
      display: flex;
      flex-wrap: wrap;
      gap: 8px;
    }
    .notice {
      padding: 12px 16px;
      border-radius: 8px;
      background: var(--mat-sys-secondary-container);
      color: var(--mat-sys-on-secondary-container);
    }
  `,
})
export class CalendarFeedPage {
  private readonly settings = inject(SettingsService);
  private readonly injector = inject(Injector);
  protected readonly feed = signal<CalendarFeed | null>(null);
  protected readonly busy = signal(false);
  protected readonly problem = signal<string | null>(null);
  protected readonly notice = signal<string | null>(null);

  protected issue(): void {
    this.run(this.settings.issueCalendarFeed(), (feed) => {
      this.feed.set(feed);
      this.notice.set('A new address is ready. Any earlier address no longer works.');
    });
  }

  protected revoke(): void {
    void confirm(this.injector, {
      title: 'Revoke the feed address?',
      message: 'Calendar applications subscribed to it stop getting your tasks.',
      confirmLabel: 'Revoke',
    }).then((yes) => {
      if (!yes) return;
      this.run(this.settings.revokeCalendarFeed(), () => {
        this.feed.set(null);
        this.notice.set('The address is revoked: it no longer works.');
      });
    });
  }

  private run<T>(call: Observable<T>, done: (value: T) => void): void {
    this.busy.set(true);
    this.problem.set(null);
    this.notice.set(null);
    call.subscribe({
      next: (value) => {
        this.busy.set(false);
        done(value);
      },
      error: (error: unknown) => {
        this.busy.set(false);
        const problem = toProblem(error);
        this.problem.set(problem.status === 404 ? 'There is no feed address to revoke.' : problem.message);
      },
    });
  }
}
