import { ChangeDetectionStrategy, Component, computed, DestroyRef, inject, signal } from '@angular/core';
import { takeUntilDestroyed } from '@angular/core/rxjs-interop';
import { FormsModule } from '@angular/forms';
import { MatAutocompleteModule } from '@angular/material/autocomplete';
import { MatButtonModule } from '@angular/material/button';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { MatSelectModule } from '@angular/material/select';
import { MatSlideToggleModule } from '@angular/material/slide-toggle';
import { toProblem } from '../../../core/http/problem';
import { browserTimeZone, knownTimeZones, UserTimeZone } from '../../../core/preferences/user-time-zone';
import { type DueSoonLead, type Preferences, SettingsService } from '../data/settings.service';

const LEADS: { value: DueSoonLead; label: string }[] = [
  { value: 'none', label: 'No "due soon" reminder' },
  { value: '15m', label: '15 minutes before' },
  { value: '1h', label: '1 hour before' },
  { value: '1d', label: '1 day before' },
];

/**
 * Reminders and the daily digest: the time zone (a searchable list; the browser's while none is
 * saved), how long before the due time "due soon" comes, the channels, and the digest's hour.
 */
@Component({
  selector: 'pt-preferences-page',
  imports: [FormsModule, MatAutocompleteModule, MatButtonModule, MatFormFieldModule, MatInputModule, MatSelectModule, MatSlideToggleModule],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <section class="pt-card" aria-labelledby="prefs-heading">
      <h2 id="prefs-heading">Reminders and digest</h2>
      @if (state() === 'failed') {
        <p class="error-banner" role="alert">
          Your preferences could not be loaded. <button mat-button type="button" (click)="load()">Retry</button>
        </p>
      }
      @if (problem(); as message) {
        <p class="error-banner" role="alert" data-testid="prefs-problem">{{ message }}</p>
      }
      @if (notice(); as message) {
        <p class="notice" role="status" data-testid="prefs-notice">{{ message }}</p>
      }
      @if (state() === 'ready') {
        <form (ngSubmit)="save()" class="form">
          <mat-form-field appearance="outline">
            <mat-label>Time zone</mat-label>
            <input
              matInput
              name="timeZone"
              [ngModel]="zone()"
              (ngModelChange)="zone.set($event)"
              [matAutocomplete]="zones"
              data-testid="prefs-zone"
              autocomplete="off"
            />
            <mat-autocomplete #zones="matAutocomplete">
              @for (z of zoneOptions(); track z) {
                <mat-option [value]="z">{{ z }}</mat-option>
              }
            </mat-autocomplete>
            <mat-hint>Type to search. Reminders, the digest and due dates use this zone.</mat-hint>
          </mat-form-field>
          @if (fieldErrors()['timeZone']; as error) {
            <p class="field-error" role="alert" data-testid="prefs-zone-error">{{ error }}</p>
          }

          <mat-form-field appearance="outline">
            <mat-label>"Due soon" reminder</mat-label>
            <mat-select name="dueSoonLead" [ngModel]="lead()" (ngModelChange)="lead.set($event)" data-testid="prefs-lead">
              @for (l of leads; track l.value) {
                <mat-option [value]="l.value">{{ l.label }}</mat-option>
              }
            </mat-select>
            <mat-hint>Overdue reminders always come.</mat-hint>
          </mat-form-field>

          <fieldset>
            <legend>Channels</legend>
            <mat-slide-toggle name="inApp" [ngModel]="inApp()" (ngModelChange)="inApp.set($event)" data-testid="prefs-in-app"
              >In the app (the bell)</mat-slide-toggle
            >
            <mat-slide-toggle name="email" [ngModel]="email()" (ngModelChange)="email.set($event)" data-testid="prefs-email"
              >By email (to a confirmed address)</mat-slide-toggle
            >
          </fieldset>

          <fieldset>
            <legend>Daily digest</legend>
            <mat-slide-toggle name="digest" [ngModel]="digest()" (ngModelChange)="digest.set($event)" data-testid="prefs-digest"
              >Mail me a digest of the day's open and overdue tasks</mat-slide-toggle
            >
            <mat-form-field appearance="outline">
              <mat-label>At (local time)</mat-label>
              <mat-select name="digestHour" [ngModel]="hour()" (ngModelChange)="hour.set($event)" data-testid="prefs-hour">
                @for (h of hours; track h) {
                  <mat-option [value]="h">{{ hourLabel(h) }}</mat-option>
                }
              </mat-select>
            </mat-form-field>
          </fieldset>

          <div class="actions">
            <button mat-flat-button type="submit" [disabled]="busy()" data-testid="prefs-save">Save</button>
          </div>
        </form>
      }
    </section>
  `,
  styles: `
    .form {
      display: flex;
      flex-direction: column;
      gap: 12px;
      max-width: 480px;
    }
    fieldset {
      display: flex;
      flex-direction: column;
      gap: 8px;
      border: 1px solid var(--mat-sys-outline-variant);
      border-radius: 8px;
      padding: 12px;
    }
    legend {
      font: var(--mat-sys-title-small);
    }
    .field-error {
      color: var(--mat-sys-error);
      margin: 0;
    }
    .notice {
      padding: 12px 16px;
      border-radius: 8px;
      background: var(--mat-sys-secondary-container);
      color: var(--mat-sys-on-secondary-container);
    }
  `,
})
export class PreferencesPage {
  private readonly settings = inject(SettingsService);
  private readonly timeZone = inject(UserTimeZone);
  private readonly destroyRef = inject(DestroyRef);
  protected readonly leads = LEADS;
  protected readonly hours = Array.from({ length: 24 }, (_, h) => h);
  private readonly allZones = knownTimeZones();

  protected readonly zone = signal('');
  protected readonly lead = signal<DueSoonLead>('1d');
  protected readonly inApp = signal(true);
  protected readonly email = signal(true);
  protected readonly digest = signal(false);
  protected readonly hour = signal(7);
  protected readonly busy = signal(false);
  protected readonly problem = signal<string | null>(null);
  protected readonly notice = signal<string | null>(null);
  protected readonly fieldErrors = signal<Record<string, string>>({});

  /** The zones matching what is typed (at most 50, so the list stays short). */
  protected readonly zoneOptions = computed(() => {
    const q = this.zone().trim().toLowerCase().replace(/\s+/g, '_');
    return (q ? this.allZones.filter((z) => z.toLowerCase().includes(q)) : this.allZones).slice(0, 50);
  });

  /** null while reading; then whether the form can be shown. */
  protected readonly state = signal<'loading' | 'ready' | 'failed'>('loading');

  constructor() {
    this.load();
  }

  protected load(): void {
    this.state.set('loading');
    this.settings
      .preferences()
      .pipe(takeUntilDestroyed(this.destroyRef))
      .subscribe({
        next: (prefs) => {
          // A user who never saved gets the browser's zone proposed.
          this.apply(prefs, prefs.updatedAt === null ? browserTimeZone() : prefs.timeZone);
          this.state.set('ready');
        },
        error: () => this.state.set('failed'),
      });
  }

  protected hourLabel(h: number): string {
    return `${String(h).padStart(2, '0')}:00`;
  }

  protected save(): void {
    this.busy.set(true);
    this.problem.set(null);
    this.notice.set(null);
    this.fieldErrors.set({});
    this.settings
      .updatePreferences({
        timeZone: this.zone().trim(),
        dueSoonLead: this.lead(),
        channels: { inApp: this.inApp(), email: this.email() },
        digest: { enabled: this.digest(), hour: this.hour() },
      })
      .subscribe({
        next: (prefs) => {
          this.busy.set(false);
          this.apply(prefs, prefs.timeZone);
          this.notice.set('Saved. Reminders and the digest follow these settings from the next scan.');
        },
        error: (error: unknown) => {
          this.busy.set(false);
          const problem = toProblem(error);
          this.fieldErrors.set(problem.fieldErrors);
          this.problem.set(problem.message);
        },
      });
  }

  private apply(prefs: Preferences, zone: string): void {
    this.zone.set(zone);
    this.lead.set(prefs.dueSoonLead);
    this.inApp.set(prefs.channels.inApp);
    this.email.set(prefs.channels.email);
    this.digest.set(prefs.digest.enabled);
    this.hour.set(prefs.digest.hour);
    if (prefs.updatedAt !== null) this.timeZone.use(prefs.timeZone);
  }
}
