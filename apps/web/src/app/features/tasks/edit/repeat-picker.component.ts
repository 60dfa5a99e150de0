import { ChangeDetectionStrategy, Component, computed, input, model, resource } from '@angular/core';
import { RepeatKind, RepeatValue, toRule, WEEKDAYS } from '../data/repeat-rule';

const KINDS: readonly { kind: RepeatKind; label: string }[] = [
  { kind: 'none', label: 'Does not repeat' },
  { kind: 'daily', label: 'Every day' },
  { kind: 'weekdays', label: 'Every weekday (Mon–Fri)' },
  { kind: 'weekly', label: 'Weekly on chosen days' },
  { kind: 'monthly', label: 'Monthly on a day' },
  { kind: 'custom', label: 'Custom rule (RRULE)' },
];

/**
 * How a task repeats: a choice, its details, the zone, and the next dates before saving. The
 * dates come from the RRULE library the API uses, loaded only once a repeat is chosen.
 */
@Component({
  selector: 'pt-repeat-picker',
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <fieldset class="repeat" data-testid="repeat-picker">
      <legend>Repeat</legend>
      <label class="field">
        <span>Repeats</span>
        <select [value]="value().kind" (change)="set({ kind: $any($event.target).value })" data-testid="repeat-kind">
          @for (k of kinds; track k.kind) {
            <option [value]="k.kind" [selected]="k.kind === value().kind">{{ k.label }}</option>
          }
        </select>
      </label>

      @switch (value().kind) {
        @case ('weekly') {
          <div class="days" role="group" aria-label="Days of the week">
            @for (d of weekdays; track d.code) {
              <label class="day">
                <input type="checkbox" [checked]="value().days.includes(d.code)" (change)="toggleDay(d.code)" [attr.aria-label]="d.name" />
                {{ d.label }}
              </label>
            }
          </div>
        }
        @case ('monthly') {
          <label class="field">
            <span>Day of the month</span>
            <select [value]="'' + value().monthDay" (change)="set({ monthDay: +$any($event.target).value })" data-testid="repeat-month-day">
              @for (n of monthDays; track n) {
                <option [value]="'' + n" [selected]="n === value().monthDay">{{ n === -1 ? 'Last day' : n }}</option>
              }
            </select>
          </label>
        }
        @case ('custom') {
          <label class="field wide">
            <span>RRULE</span>
            <input
              type="text"
              [value]="value().custom"
              (input)="set({ custom: $any($event.target).value })"
              placeholder="FREQ=WEEKLY;BYDAY=MO,WE;COUNT=10"
              spellcheck="false"
              data-testid="repeat-custom"
            />
          </label>
        }
      }

      @if (rule()) {
        <label class="field">
          <span>Time zone</span>
          <input
            type="text"
            [value]="value().timeZone"
            (change)="set({ timeZone: $any($event.target).value.trim() })"
            data-testid="repeat-zone"
          />
        </label>
        <div class="preview wide" aria-live="polite" data-testid="repeat-preview">
          @if (!start()) {
            <p>A repeating task needs a due date: the first occurrence.</p>
          } @else if (preview.error()) {
            <p class="error">This rule cannot be read: {{ previewError() }}</p>
          } @else if (preview.hasValue()) {
            <p>Next dates ({{ value().timeZone }}):</p>
            <ol>
              @for (d of preview.value(); track $index) {
                <li data-testid="repeat-date">{{ d }}</li>
              }
            </ol>
          }
        </div>
      }
    </fieldset>
  `,
  styles: `
    .repeat {
      grid-column: 1 / -1;
      display: flex;
      flex-wrap: wrap;
      gap: 12px 24px;
      align-items: flex-start;
      border: 1px solid var(--mat-sys-outline-variant);
      border-radius: 8px;
      padding: 12px 16px;
      margin: 0;
    }
    legend {
      padding: 0 4px;
      color: var(--mat-sys-on-surface-variant);
    }
    .field {
      display: flex;
      flex-direction: column;
      gap: 4px;
    }
    .wide {
      flex-basis: 100%;
    }
    select,
    input[type='text'] {
      font: inherit;
      padding: 8px;
      border: 1px solid var(--mat-sys-outline);
      border-radius: 4px;
      background: var(--mat-sys-surface);
      color: var(--mat-sys-on-surface);
      min-height: 40px;
    }
    .days {
      display: flex;
      flex-wrap: wrap;
      gap: 8px;
      align-self: flex-end;
    }
    .day {
      display: inline-flex;
      align-items: center;
      gap: 4px;
      min-height: 40px;
    }
    .preview p {
      margin: 0 0 4px;
    }
    .preview ol {
      margin: 0;
      padding-left: 24px;
    }
    .error {
      color: var(--mat-sys-error);
    }
  `,
})
export class RepeatPickerComponent {
  /** The picker's state; the page turns it into the request's `recurrence`. */
  readonly value = model.required<RepeatValue>();
  /** The due date, the series' first occurrence (a `datetime-local` value or ''). */
  readonly dueDate = input<string>('');

  protected readonly kinds = KINDS;
  protected readonly weekdays = WEEKDAYS;
  protected readonly monthDays = [...Array.from({ length: 31 }, (_, i) => i + 1), -1];
  protected readonly rule = computed(() => toRule(this.value()));
  protected readonly start = computed(() => {
    const due = this.dueDate();
    const date = due ? new Date(due) : null;
    return date && !Number.isNaN(date.getTime()) ? date : null;
  });

  /** The next five dates, formatted in the rule's zone; the library loads with the first rule. */
  protected readonly preview = resource({
    params: () => {
      const rule = this.rule();
      const start = this.start();
      return rule && start ? { rule, start, timeZone: this.value().timeZone } : undefined;
    },
    loader: async ({ params }) => {
      const { nextOccurrences, formatOccurrence } = await import('./recurrence-preview');
      return nextOccurrences(params.rule, params.timeZone, params.start).map((d) => formatOccurrence(d, params.timeZone));
    },
  });
  protected readonly previewError = computed(() => {
    const error = this.preview.error();
    return error instanceof Error ? error.message : String(error ?? '');
  });

  protected set(changes: Partial<RepeatValue>): void {
    this.value.update((v) => ({ ...v, ...changes }));
  }

  protected toggleDay(code: string): void {
    this.value.update((v) => ({ ...v, days: v.days.includes(code) ? v.days.filter((d) => d !== code) : [...v.days, code] }));
  }
}
