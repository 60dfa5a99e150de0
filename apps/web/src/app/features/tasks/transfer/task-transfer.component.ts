import { ChangeDetectionStrategy, Component, DestroyRef, ElementRef, inject, input, output, signal, viewChild } from '@angular/core';
import { takeUntilDestroyed } from '@angular/core/rxjs-interop';
import { MatButtonModule } from '@angular/material/button';
import { ExportFormat, ExportQuery, ImportReport } from '../../../core/api/task.types';
import { Problem, toProblem } from '../../../core/http/problem';
import { TaskService } from '../data/task.service';
import { saveBlob } from '../../../shared/save-blob';

/**
 * Export the tasks the list shows (its filters, CSV or JSON, saved as a file) and import a file:
 * the file is checked first (a dry run: how many rows would be imported, and each refused row
 * with its field and reason), and only imported when the user says so.
 */
@Component({
  selector: 'pt-task-transfer',
  imports: [MatButtonModule],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './task-transfer.component.html',
  styleUrl: './task-transfer.component.scss',
})
export class TaskTransferComponent {
  /** The list's current filters as export parameters. */
  readonly query = input.required<ExportQuery>();
  /** Emits the number of tasks imported, so the list reloads. */
  readonly imported = output<number>();

  private readonly tasks = inject(TaskService);
  private readonly destroyRef = inject(DestroyRef);
  private readonly fileInput = viewChild.required<ElementRef<HTMLInputElement>>('picker');

  protected readonly exporting = signal<ExportFormat | null>(null);
  protected readonly file = signal<File | null>(null);
  /** The dry run's report of the chosen file. */
  protected readonly check = signal<ImportReport | null>(null);
  protected readonly importing = signal(false);
  protected readonly result = signal<string | null>(null);
  protected readonly problem = signal<Problem | null>(null);

  protected export(format: ExportFormat): void {
    if (this.exporting()) return;
    this.exporting.set(format);
    this.problem.set(null);
    this.tasks
      .export(this.query(), format)
      .pipe(takeUntilDestroyed(this.destroyRef))
      .subscribe({
        next: (blob) => {
          this.exporting.set(null);
          saveBlob(blob, `tasks.${format}`);
        },
        error: (error: unknown) => {
          this.exporting.set(null);
          this.problem.set(toProblem(error));
        },
      });
  }

  protected chooseFile(): void {
    this.fileInput().nativeElement.click();
  }

  /** A chosen file is checked at once (dry run); nothing is imported yet. */
  protected fileChosen(event: Event): void {
    const field = event.target as HTMLInputElement;
    const file = field.files?.[0];
    field.value = ''; // choosing the same file again is a new choice
    if (!file) return;
    this.file.set(file);
    this.check.set(null);
    this.result.set(null);
    this.problem.set(null);
    this.importing.set(true);
    this.tasks
      .import(file, true)
      .pipe(takeUntilDestroyed(this.destroyRef))
      .subscribe({
        next: (report) => {
          this.importing.set(false);
          this.check.set(report);
        },
        error: (error: unknown) => {
          this.importing.set(false);
          this.file.set(null);
          this.problem.set(toProblem(error));
        },
      });
  }

  protected importFile(): void {
    const file = this.file();
    if (!file || this.importing()) return;
    this.importing.set(true);
    this.tasks
      .import(file, false)
      .pipe(takeUntilDestroyed(this.destroyRef))
      .subscribe({
        next: (report) => {
          this.importing.set(false);
          this.check.set(null);
          this.file.set(null);
          const skipped = new Set(report.failed.map((f) => f.row)).size;
          this.result.set(
            `Imported ${report.imported} task${report.imported === 1 ? '' : 's'} from “${file.name}”.` +
              (skipped ? ` ${skipped} row${skipped === 1 ? '' : 's'} skipped.` : ''),
          );
          this.imported.emit(report.imported);
        },
        error: (error: unknown) => {
          this.importing.set(false);
          this.problem.set(toProblem(error));
        },
      });
  }

  protected cancel(): void {
    this.file.set(null);
    this.check.set(null);
  }

  /** Rows refused by the check, counted once however many fields each has. */
  protected refusedRows(report: ImportReport): number {
    return new Set(report.failed.map((f) => f.row)).size;
  }
}
