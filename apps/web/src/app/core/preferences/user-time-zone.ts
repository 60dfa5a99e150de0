import { inject, Injectable, signal } from '@angular/core';
import { Api, getPreferences } from '@primetrade/api-client';

/**
 * ICU (Chromium's, Node's) still names some zones by their old IANA names; people look for the
 * current ones. Both are valid IANA names, so the API takes either.
 */
const RENAMED_ZONES: Readonly<Record<string, string>> = {
  'Asia/Calcutta': 'Asia/Kolkata',
  'Asia/Katmandu': 'Asia/Kathmandu',
  'Asia/Saigon': 'Asia/Ho_Chi_Minh',
  'Asia/Rangoon': 'Asia/Yangon',
  'Europe/Kiev': 'Europe/Kyiv',
  'America/Buenos_Aires': 'America/Argentina/Buenos_Aires',
  'America/Godthab': 'America/Nuuk',
  'Atlantic/Faeroe': 'Atlantic/Faroe',
  'Pacific/Truk': 'Pacific/Chuuk',
  'Pacific/Ponape': 'Pacific/Pohnpei',
  'Pacific/Enderbury': 'Pacific/Kanton',
};

/** The current IANA name of a zone ICU may give by its old one. */
export const currentZoneName = (zone: string): string => RENAMED_ZONES[zone] ?? zone;

/** The zone the browser runs in (Intl), e.g. `America/New_York`, by its current IANA name. */
export function browserTimeZone(): string {
  return currentZoneName(Intl.DateTimeFormat().resolvedOptions().timeZone);
}

/** Every zone the browser knows, by current IANA names, sorted, UTC first. */
export function knownTimeZones(): string[] {
  const listed = typeof Intl.supportedValuesOf === 'function' ? Intl.supportedValuesOf('timeZone') : [];
  const names = new Set(listed.map(currentZoneName));
  names.delete('UTC');
  return ['UTC', ...[...names].sort()];
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
