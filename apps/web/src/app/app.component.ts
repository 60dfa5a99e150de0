import { ChangeDetectionStrategy, Component, inject } from '@angular/core';
import { RouterOutlet } from '@angular/router';
import { ConnectivityService } from './core/http/connectivity';

/** The root: an offline banner above whatever page is shown. */
@Component({
  selector: 'pt-root',
  imports: [RouterOutlet],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <div aria-live="polite" class="offline-live">
      @if (connectivity.offline()) {
        <div class="offline-banner" data-testid="offline-banner">
          <p>You are offline or the server cannot be reached. Changes you make now may not be saved.</p>
          <button type="button" class="retry" (click)="connectivity.retry()">Retry</button>
        </div>
      }
    </div>
    <router-outlet />
  `,
  styles: `
    .retry {
      font: inherit;
      font-weight: 600;
      padding: 4px 14px;
      border-radius: 16px;
      border: 1px solid currentColor;
      background: transparent;
      color: inherit;
      cursor: pointer;
      min-height: 32px;
    }
  `,
})
export class AppComponent {
  protected readonly connectivity = inject(ConnectivityService);
}
