import { DatePipe } from '@angular/common';
import { ChangeDetectionStrategy, Component, computed, DestroyRef, inject, input, linkedSignal, signal } from '@angular/core';
import { rxResource, takeUntilDestroyed } from '@angular/core/rxjs-interop';
import { MatButtonModule } from '@angular/material/button';
import { MatDialog } from '@angular/material/dialog';
import { filter } from 'rxjs';
import { Attachment } from '../../../core/api/attachment.types';
import { Problem, toProblem } from '../../../core/http/problem';
import { ConfirmDialogComponent, ConfirmDialogData } from '../../../shared/confirm-dialog.component';
import { formatBytes } from '../../../shared/format-bytes';
import { ACCEPTED_TYPES, AttachmentService } from './attachment.service';
import { saveBlob } from '../../../shared/save-blob';

/** Files of one task: list, upload, download and delete. */
@Component({
  selector: 'pt-attachments-panel',
  imports: [DatePipe, MatButtonModule],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './attachments-panel.component.html',
  styleUrl: './attachments-panel.component.scss',
})
export class AttachmentsPanelComponent {
  private readonly attachments = inject(AttachmentService);
  private readonly dialog = inject(MatDialog);
  private readonly destroyRef = inject(DestroyRef);

  readonly taskId = input.required<string>();

  protected readonly list = rxResource({ params: () => this.taskId(), stream: ({ params }) => this.attachments.list(params) });
  /** The loaded files, then changed in place by uploads and deletes. */
  protected readonly items = linkedSignal<Attachment[]>(() => (this.list.hasValue() ? this.list.value() : []));
  protected readonly loadProblem = computed(() => (this.list.error() ? toProblem(this.list.error()) : null));
  protected readonly uploading = signal(false);
  protected readonly problem = signal<Problem | null>(null);
  protected readonly accepted = ACCEPTED_TYPES;
  protected readonly formatBytes = formatBytes;

  protected upload(input: HTMLInputElement): void {
    const file = input.files?.[0];
    input.value = ''; // choosing the same file again fires change again
    if (!file || this.uploading()) return;
    this.uploading.set(true);
    this.problem.set(null);
    this.attachments
      .upload(this.taskId(), file)
      .pipe(takeUntilDestroyed(this.destroyRef))
      .subscribe({
        next: (attachment) => {
          this.items.update((items) => [...items, attachment]);
          this.uploading.set(false);
        },
        error: (error: unknown) => {
          this.uploading.set(false);
          this.problem.set(toProblem(error));
        },
      });
  }

  protected download(attachment: Attachment): void {
    this.problem.set(null);
    this.attachments
      .download(attachment)
      .pipe(takeUntilDestroyed(this.destroyRef))
      .subscribe({
        next: (blob) => saveBlob(blob, attachment.fileName),
        error: (error: unknown) => this.problem.set(toProblem(error)),
      });
  }

  protected remove(attachment: Attachment): void {
    this.dialog
      .open<ConfirmDialogComponent, ConfirmDialogData, boolean>(ConfirmDialogComponent, {
        data: { title: 'Delete file?', message: `“${attachment.fileName}” will be deleted for good.`, confirmLabel: 'Delete' },
      })
      .afterClosed()
      .pipe(filter(Boolean))
      .subscribe(() =>
        this.attachments.delete(attachment).subscribe({
          next: () => this.items.update((items) => items.filter((a) => a.id !== attachment.id)),
          error: (error: unknown) => this.problem.set(toProblem(error)),
        }),
      );
  }
}
