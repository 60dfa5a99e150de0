import { TestBed } from '@angular/core/testing';
import { applyStoredTheme, THEME_KEY, ThemeService } from './theme';

describe('theme', () => {
  let dark = false;
  const listeners: ((e: { matches: boolean }) => void)[] = [];

  beforeEach(() => {
    localStorage.clear();
    document.documentElement.removeAttribute('data-theme');
    listeners.length = 0;
    window.matchMedia = ((query: string) => ({
      matches: query.includes('dark') && dark,
      addEventListener: (_: string, fn: (e: { matches: boolean }) => void) => listeners.push(fn),
    })) as unknown as typeof window.matchMedia;
  });

  it('follows the system setting until the user chooses', () => {
    dark = true;
    const theme = TestBed.inject(ThemeService);
    expect(theme.choice()).toBe('system');
    expect(theme.theme()).toBe('dark');
    expect(document.documentElement.hasAttribute('data-theme')).toBe(false);
    listeners.forEach((fn) => fn({ matches: false }));
    expect(theme.theme()).toBe('light');
  });

  it('remembers the toggle and applies it before the app starts next time', () => {
    dark = false;
    const theme = TestBed.inject(ThemeService);
    theme.toggle();
    expect(theme.theme()).toBe('dark');
    expect(localStorage.getItem(THEME_KEY)).toBe('dark');
    expect(document.documentElement.getAttribute('data-theme')).toBe('dark');
    // A system change no longer flips a chosen theme.
    listeners.forEach((fn) => fn({ matches: false }));
    expect(theme.theme()).toBe('dark');

    document.documentElement.removeAttribute('data-theme');
    applyStoredTheme(document);
    expect(document.documentElement.getAttribute('data-theme')).toBe('dark');

    theme.set('system');
    expect(localStorage.getItem(THEME_KEY)).toBeNull();
    expect(document.documentElement.hasAttribute('data-theme')).toBe(false);
  });

  it('ignores a stored value it does not know', () => {
    localStorage.setItem(THEME_KEY, 'sepia');
    applyStoredTheme(document);
    expect(document.documentElement.hasAttribute('data-theme')).toBe(false);
    expect(TestBed.inject(ThemeService).choice()).toBe('system');
  });
});
