import { ChangeDetectionStrategy, Component } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatDialogModule } from '@angular/material/dialog';
import { SHORTCUTS } from '../core/shortcuts/shortcuts';

/** The `?` dialog: every single-key shortcut. */
@Component({
  selector: 'pt-shortcuts-dialog',
  imports: [MatDialogModule, MatButtonModule],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <h2 mat-dialog-title>Keyboard shortcuts</h2>
    <mat-dialog-content>
      <p class="note">They work anywhere except while you type in a field. On the task list, j and k move between tasks.</p>
      <dl class="keys" data-testid="shortcut-list">
        @for (s of shortcuts; track s.key) {
          <div class="row">
            <dt>
              <kbd>{{ s.key }}</kbd>
            </dt>
            <dd>{{ s.description }}</dd>
          </div>
        }
      </dl>
    </mat-dialog-content>
    <mat-dialog-actions align="end">
      <button mat-flat-button type="button" mat-dialog-close cdkFocusInitial>Close</button>
    </mat-dialog-actions>
  `,
  styles: `
    .note {
      margin-top: 0;
    }
    .keys {
      margin: 0;
    }
    .row {
      display: flex;
      gap: 16px;
      align-items: center;
      padding: 4px 0;
    }
    dt {
      width: 2.5rem;
    }
    dd {
      margin: 0;
    }
    kbd {
      display: inline-block;
      min-width: 1.4em;
      text-align: center;
      padding: 2px 6px;
      border: 1px solid var(--mat-sys-outline);
      border-radius: 4px;
      font-family: inherit;
      font-weight: 600;
    }
  `,
})
export class ShortcutsDialogComponent {
  protected readonly shortcuts = SHORTCUTS;
}
