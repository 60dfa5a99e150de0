import { Clipboard } from '@angular/cdk/clipboard';
import { ChangeDetectionStrategy, Component, inject, input, output, signal } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';

/**
 * A value shown once (a signing secret, a private address) with a copy button: the page says it
 * cannot be shown again, and "Done" hides it for good.
 */
@Component({
  selector: 'pt-shown-once',
  imports: [MatButtonModule],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <div class="once" role="region" [attr.aria-label]="label()">
      <p class="title">{{ label() }}</p>
      <p class="hint">{{ hint() }}</p>
      <code class="value" data-testid="shown-once-value">{{ value() }}</code>
      <div class="actions">
        <button mat-flat-button type="button" (click)="copy()" data-testid="copy-value">Copy</button>
        <button mat-stroked-button type="button" (click)="done.emit()">Done</button>
        <span class="copied" role="status" aria-live="polite">{{ copied() ? 'Copied to the clipboard.' : '' }}</span>
      </div>
    </div>
  `,
  styles: `
    .once {
      padding: 16px;
      margin: 12px 0;
      border-radius: 12px;
      background: var(--mat-sys-secondary-container);
      color: var(--mat-sys-on-secondary-container);
    }
    .title {
      font: var(--mat-sys-title-small);
      margin: 0 0 4px;
    }
    .hint {
      margin: 0 0 8px;
    }
    .value {
      display: block;
      padding: 8px;
      border-radius: 8px;
      overflow-wrap: anywhere;
      background: var(--mat-sys-surface);
      color: var(--mat-sys-on-surface);
    }
    .actions {
      display: flex;
      align-items: center;
      gap: 8px;
      margin-top: 8px;
    }
  `,
})
export class ShownOnceComponent {
  private readonly clipboard = inject(Clipboard);
  readonly label = input.required<string>();
  readonly hint = input.required<string>();
  readonly value = input.required<string>();
  readonly done = output<void>();
  protected readonly copied = signal(false);

  protected copy(): void {
    this.copied.set(this.clipboard.copy(this.value()));
  }
}
