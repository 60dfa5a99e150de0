import { afterNextRender, ChangeDetectionStrategy, Component, DOCUMENT, inject, Injector } from '@angular/core';
import { takeUntilDestroyed } from '@angular/core/rxjs-interop';
import { NavigationEnd, NavigationError, Router, RouterOutlet } from '@angular/router';
import { filter, take } from 'rxjs';
import { ConnectivityService } from './core/http/connectivity';

/** The static first frame the server may put in index.html (public/shells, preload-routes.json). */
export const APP_SHELL_ID = 'app-shell';

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

  constructor() {
    // The server's static first frame stays until the first page has rendered, and goes in the
    // same frame as that page appears: no blank page between them, and nothing shifts.
    const doc = inject(DOCUMENT);
    const injector = inject(Injector);
    inject(Router)
      .events.pipe(
        filter((e) => e instanceof NavigationEnd || e instanceof NavigationError),
        take(1),
        takeUntilDestroyed(),
      )
      .subscribe(() => afterNextRender(() => doc.getElementById(APP_SHELL_ID)?.remove(), { injector }));
  }
}
