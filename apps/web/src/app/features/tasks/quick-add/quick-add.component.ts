import { ChangeDetectionStrategy, Component, computed, ElementRef, inject, input, output, signal, viewChild } from '@angular/core';
import { takeUntilDestroyed } from '@angular/core/rxjs-interop';
import { MatButtonModule } from '@angular/material/button';
import { catchError, exhaustMap, map, of, Subject } from 'rxjs';
import { Task } from '../../../core/api/task.types';
import { Problem, toProblem } from '../../../core/http/problem';
import { TaskService } from '../data/task.service';
import { TITLE_MAX } from '../edit/task-form';
import type { QuickAddChip, QuickAddResult } from './quick-add-parser';

type Parser = typeof import('./quick-add-parser');

const KIND_LABELS: Record<QuickAddChip['kind'], string> = { due: 'Due', priority: 'Priority', tag: 'Tag' };

/**
 * One line that becomes a task: `Pay rent tomorrow 9am !high #home`. What it understood shows
 * as chips before Enter, each removable (its words then stay in the title).
 */
@Component({
  selector: 'pt-quick-add',
  imports: [MatButtonModule],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <form class="quick-add" [attr.aria-label]="label()" (submit)="$event.preventDefault(); submit()">
      <div class="line">
        <div class="pt-field field">
          <label class="pt-label" [for]="inputId">{{ label() }}</label>
          <input
            #input
            class="pt-input"
            [id]="inputId"
            autocomplete="off"
            data-testid="quick-add"
            [value]="text()"
            (focus)="loadParser()"
            (input)="edit(input.value)"
            (keydown.escape)="clear()"
            [attr.aria-describedby]="hintId + ' ' + chipsId"
          />
          <p class="pt-hint" [id]="hintId">e.g. “Pay rent tomorrow 9am !high #home” — a date, !priority, #tags</p>
        </div>
        <button mat-flat-button type="submit" class="add" [disabled]="saving()" data-testid="quick-add-submit">Add</button>
      </div>
      <ul class="chips" [id]="chipsId" aria-label="Understood from what you typed" aria-live="polite">
        @for (chip of parsed().chips; track chip.id) {
          <li class="chip" [attr.data-kind]="chip.kind" data-testid="quick-add-chip">
            <span>{{ kindLabel(chip) }}: {{ chip.label }}</span>
            <button type="button" class="remove" (click)="remove(chip)" [attr.aria-label]="'Remove ' + kindLabel(chip) + ' ' + chip.label">
              <span aria-hidden="true">×</span>
            </button>
          </li>
        }
      </ul>
      @if (problem(); as p) {
        <p class="error" role="alert" data-testid="quick-add-error">{{ p.message }}</p>
      }
    </form>
  `,
  styles: `
    .quick-add {
      margin-bottom: 8px;
    }
    .line {
      display: flex;
      flex-wrap: wrap;
      gap: 8px;
      align-items: flex-start;
    }
    .field {
      flex: 1 1 240px;
      min-width: 0;
    }
    .line {
      align-items: flex-end;
    }
    .add {
      height: 48px;
      margin-bottom: 22px; /* level with the input, above the hint */
    }
    .chips {
      list-style: none;
      display: flex;
      flex-wrap: wrap;
      gap: 6px;
      margin: 6px 0 0;
      padding: 0;
      min-height: 4px;
    }
    .chip {
      display: inline-flex;
      align-items: center;
      gap: 2px;
      padding: 0 2px 0 12px;
      border-radius: 16px;
      font: var(--mat-sys-label-large);
      background: var(--mat-sys-secondary-container);
      color: var(--mat-sys-on-secondary-container);
    }
    .chip[data-kind='priority'] {
      background: var(--mat-sys-tertiary-container);
      color: var(--mat-sys-on-tertiary-container);
    }
    .remove {
      width: 32px;
      height: 32px;
      border: 0;
      border-radius: 50%;
      background: transparent;
      color: inherit;
      font-size: 18px;
      cursor: pointer;
    }
    .remove:hover {
      background: color-mix(in srgb, currentColor 12%, transparent);
    }
    .error {
      margin: 6px 0 0;
      color: var(--mat-sys-error);
    }
  `,
})
export class QuickAddComponent {
  private readonly tasks = inject(TaskService);
  private readonly submits = new Subject<Parser>();
  private readonly inputRef = viewChild.required<ElementRef<HTMLInputElement>>('input');
  private static next = 0;

  /** The calendar's selected day: a task without a date in its text is due that day. */
  readonly defaultDay = input<Date | null>(null);
  readonly label = input('Add a task');
  readonly created = output<Task>();

  protected readonly inputId = `quick-add-${QuickAddComponent.next}`;
  protected readonly hintId = `quick-add-hint-${QuickAddComponent.next}`;
  protected readonly chipsId = `quick-add-chips-${QuickAddComponent.next++}`;
  protected readonly text = signal('');
  private readonly ignored = signal<ReadonlySet<string>>(new Set());
  /**
   * The parser (with chrono-node) loads when the field is first focused, not with the page:
   * the list paints sooner, and it is there by the time the first word is typed.
   */
  private readonly parser = signal<Parser | null>(null);
  private parserLoad: Promise<Parser> | null = null;
  protected readonly parsed = computed<QuickAddResult>(() => {
    const parser = this.parser();
    if (!parser) return { title: this.text().replace(/\s+/g, ' ').trim(), dueDate: null, priority: null, tags: [], chips: [] };
    return parser.parseQuickAdd(this.text(), { ignore: this.ignored(), defaultDay: this.defaultDay() });
  });
  protected readonly saving = signal(false);
  protected readonly problem = signal<Problem | null>(null);

  constructor() {
    // exhaustMap: Enter held down or a double click creates one task, not several.
    this.submits
      .pipe(
        exhaustMap((parser) => {
          this.saving.set(true);
          this.problem.set(null);
          return this.tasks.create(parser.toNewTask(this.parsed())).pipe(
            map((task) => ({ task })),
            catchError((error: unknown) => of({ problem: toProblem(error) })),
          );
        }),
        takeUntilDestroyed(),
      )
      .subscribe((result) => {
        this.saving.set(false);
        if ('problem' in result) {
          this.problem.set(result.problem);
          return;
        }
        this.clear();
        this.created.emit(result.task);
      });
  }

  focus(): void {
    this.inputRef().nativeElement.focus();
    void this.loadParser();
  }

  protected loadParser(): Promise<Parser> {
    this.parserLoad ??= import('./quick-add-parser').then((m) => {
      this.parser.set(m);
      return m;
    });
    return this.parserLoad;
  }

  protected edit(value: string): void {
    void this.loadParser();
    this.text.set(value);
    if (!value.trim()) this.ignored.set(new Set());
    this.problem.set(null);
  }

  protected clear(): void {
    this.text.set('');
    this.ignored.set(new Set());
  }

  protected remove(chip: QuickAddChip): void {
    this.ignored.update((ids) => new Set([...ids, chip.id]));
    this.focus();
  }

  protected submit(): void {
    void this.loadParser().then((parser) => this.submitParsed(parser));
  }

  private submitParsed(parser: Parser): void {
    const title = this.parsed().title;
    if (!title) {
      this.problem.set({ status: 0, message: 'Type what the task is first.', fieldErrors: {} });
      return;
    }
    if (title.length > TITLE_MAX) {
      this.problem.set({ status: 0, message: `A title can have at most ${TITLE_MAX} characters.`, fieldErrors: {} });
      return;
    }
    this.submits.next(parser);
  }

  protected kindLabel(chip: QuickAddChip): string {
    return KIND_LABELS[chip.kind];
  }
}
