import { ChangeDetectionStrategy, Component, inject } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MAT_DIALOG_DATA, MatDialogModule } from '@angular/material/dialog';

export interface ConfirmDialogData {
  title: string;
  message: string;
  confirmLabel: string;
  /** A second way to go on (e.g. "End the series"); the dialog then closes with 'alternative'. */
  alternativeLabel?: string;
}

/** How the dialog closed: confirmed, the alternative chosen, or cancelled (false, also on Escape). */
export type ConfirmDialogResult = true | 'alternative' | false;

/** A yes/no question; closes with `true` when confirmed. */
@Component({
  selector: 'pt-confirm-dialog',
  imports: [MatDialogModule, MatButtonModule],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <h2 mat-dialog-title>{{ data.title }}</h2>
    <mat-dialog-content>{{ data.message }}</mat-dialog-content>
    <mat-dialog-actions align="end">
      <button mat-button type="button" [mat-dialog-close]="false" cdkFocusInitial>Cancel</button>
      @if (data.alternativeLabel) {
        <button mat-stroked-button type="button" [mat-dialog-close]="'alternative'">{{ data.alternativeLabel }}</button>
      }
      <button mat-flat-button type="button" [mat-dialog-close]="true">{{ data.confirmLabel }}</button>
    </mat-dialog-actions>
  `,
})
export class ConfirmDialogComponent {
  protected readonly data = inject<ConfirmDialogData>(MAT_DIALOG_DATA);
}
