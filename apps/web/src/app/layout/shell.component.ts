import { ChangeDetectionStrategy, Component, DestroyRef, ElementRef, inject, Injector, viewChild } from '@angular/core';
import { takeUntilDestroyed } from '@angular/core/rxjs-interop';
import { MatButtonModule } from '@angular/material/button';
import { MatToolbarModule } from '@angular/material/toolbar';
import { NavigationEnd, Router, RouterLink, RouterLinkActive, RouterOutlet } from '@angular/router';
import { filter, skip } from 'rxjs';
import { afterFirstPaint } from '../core/after-paint';
import { AuthService } from '../core/auth/auth.service';
import { SessionStore } from '../core/auth/session.store';
import { ShortcutService } from '../core/shortcuts/shortcuts';
import { ThemeService } from '../core/theme/theme';
import { UserTimeZone } from '../core/preferences/user-time-zone';
import { NotificationBellComponent } from '../features/notifications/notification-bell.component';
import { ConfirmEmailBannerComponent } from './confirm-email-banner.component';
import { openDialog } from '../shared/lazy-overlays';

/** The signed-in frame: skip link, toolbar with navigation and logout, and the page. */
@Component({
  selector: 'pt-shell',
  imports: [
    RouterOutlet,
    RouterLink,
    RouterLinkActive,
    MatToolbarModule,
    MatButtonModule,
    NotificationBellComponent,
    ConfirmEmailBannerComponent,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './shell.component.html',
  styleUrl: './shell.component.scss',
})
export class ShellComponent {
  private readonly auth = inject(AuthService);
  private readonly router = inject(Router);
  private readonly destroyRef = inject(DestroyRef);
  private readonly injector = inject(Injector);
  protected readonly session = inject(SessionStore);
  protected readonly theme = inject(ThemeService);
  private readonly timeZone = inject(UserTimeZone);
  private readonly main = viewChild.required<ElementRef<HTMLElement>>('main');

  constructor() {
    // After an in-app navigation, move focus to the new page so keyboard and screen-reader
    // users start there instead of on the link they left (the first load keeps the default).
    this.router.events
      .pipe(
        filter((e) => e instanceof NavigationEnd),
        skip(1),
        takeUntilDestroyed(),
      )
      .subscribe(() => this.main().nativeElement.focus({ preventScroll: true }));
    // A reloaded page has tokens but no profile yet (the interceptor refreshes if needed). Asked
    // once the first frame has painted: the name in the toolbar can wait that long.
    afterFirstPaint(() => {
      // The zone the user chose, for due labels (the browser's until it is known).
      this.timeZone.load();
      if (this.session.user()) return;
      this.auth
        .loadUser()
        .pipe(takeUntilDestroyed(this.destroyRef))
        .subscribe({ error: () => undefined });
    });
    // Everywhere in the signed-in app; pages add their own (the list's n, /, j, k, x, e).
    inject(ShortcutService).register({
      '?': () => this.openShortcuts(),
      n: () => void this.router.navigate(['/tasks'], { state: { focusQuickAdd: true } }),
      '/': () => void this.router.navigate(['/tasks'], { state: { focusSearch: true } }),
    });
  }

  protected openShortcuts(): void {
    void openDialog(this.injector, () => import('./shortcuts-dialog.component').then((m) => m.ShortcutsDialogComponent));
  }

  protected logout(): void {
    this.auth.logout().subscribe({
      complete: () => void this.router.navigate(['/login']),
      error: () => void this.router.navigate(['/login']),
    });
  }
}
