import { inject, Injectable, signal } from '@angular/core';
import { Api, getPreferences } from '@primetrade/api-client';

/** The zone the browser runs in (Intl), e.g. `America/New_York`. */
export function browserTimeZone(): string {
  return Intl.DateTimeFormat().resolvedOptions().timeZone;
}

/**
 * The time zone the user chose in their preferences, for dates shown in the app (the task list's
 * due labels). `zone()` is null while the preference is unknown, never saved, or the same as the
 * browser's: then labels use the browser's zone on the fast path (no Intl at render time).
 */
@Injectable({ providedIn: 'root' })
export class UserTimeZone {
  private readonly api = inject(Api);
  private readonly chosen = signal<string | null>(null);
  readonly zone = this.chosen.asReadonly();
  private loaded = false;

  /** Reads the preference once per session (the shell calls it after the first paint). */
  load(): void {
    if (this.loaded) return;
    this.loaded = true;
    this.api.invoke(getPreferences).subscribe({
      next: (prefs) => this.use(prefs.updatedAt === null ? null : prefs.timeZone),
      // Without it the browser's zone stays: labels are still right for most users.
      error: () => (this.loaded = false),
    });
  }

  /** What the preferences page saved (or read). */
  use(zone: string | null): void {
    this.chosen.set(zone && zone !== browserTimeZone() ? zone : null);
  }
}
