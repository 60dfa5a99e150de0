import { computed, DOCUMENT, inject, Injectable, signal } from '@angular/core';

export type ThemeChoice = 'system' | 'light' | 'dark';
export type Theme = 'light' | 'dark';

export const THEME_KEY = 'primetrade.theme';

function readChoice(storage: Storage | undefined): ThemeChoice {
  try {
    const value = storage?.getItem(THEME_KEY);
    return value === 'light' || value === 'dark' ? value : 'system';
  } catch {
    return 'system';
  }
}

/**
 * Sets `data-theme` on <html> from the remembered choice before Angular starts (main.ts), so
 * the first paint already has the right colours. Without a choice the attribute is absent and
 * the stylesheet follows the system setting (`color-scheme: light dark`).
 */
export function applyStoredTheme(doc: Document = document): void {
  const choice = readChoice(doc.defaultView?.localStorage);
  if (choice === 'system') doc.documentElement.removeAttribute('data-theme');
  else doc.documentElement.setAttribute('data-theme', choice);
}

/** The light/dark choice: the system's until the user picks one, which is remembered. */
@Injectable({ providedIn: 'root' })
export class ThemeService {
  private readonly document = inject(DOCUMENT);
  private readonly window = this.document.defaultView;
  private readonly media = this.window?.matchMedia?.('(prefers-color-scheme: dark)');
  private readonly systemDark = signal(this.media?.matches ?? false);

  readonly choice = signal<ThemeChoice>(readChoice(this.window?.localStorage));
  readonly theme = computed<Theme>(() => {
    const choice = this.choice();
    return choice === 'system' ? (this.systemDark() ? 'dark' : 'light') : choice;
  });

  constructor() {
    this.media?.addEventListener?.('change', (e) => this.systemDark.set(e.matches));
  }

  /** Switches to the other theme and remembers it. */
  toggle(): void {
    this.set(this.theme() === 'dark' ? 'light' : 'dark');
  }

  set(choice: ThemeChoice): void {
    this.choice.set(choice);
    try {
      if (choice === 'system') this.window?.localStorage.removeItem(THEME_KEY);
      else this.window?.localStorage.setItem(THEME_KEY, choice);
    } catch {
      // Storage can be unavailable (private mode); the choice still holds for this visit.
    }
    applyStoredTheme(this.document);
    // A choice equal to the system's still pins it, so a later system change does not flip it.
    if (choice !== 'system') this.document.documentElement.setAttribute('data-theme', choice);
  }
}
