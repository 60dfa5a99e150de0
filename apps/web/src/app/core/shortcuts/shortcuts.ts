import { DestroyRef, DOCUMENT, inject, Injectable } from '@angular/core';

/** The app's single-key shortcuts. */
export type ShortcutKey = 'n' | '/' | 'j' | 'k' | 'x' | 'e' | '?';

export const SHORTCUTS: readonly { key: ShortcutKey; description: string }[] = [
  { key: 'n', description: 'New task (focus quick add)' },
  { key: '/', description: 'Search tasks' },
  { key: 'j', description: 'Next task' },
  { key: 'k', description: 'Previous task' },
  { key: 'x', description: 'Complete or reopen the selected task' },
  { key: 'e', description: 'Edit the selected task' },
  { key: '?', description: 'Show these shortcuts' },
];

const KEYS = new Set<string>(SHORTCUTS.map((s) => s.key));

/**
 * True when a key press belongs to what the user is typing: text fields, selects, editable
 * content, and widgets that use letters themselves (listbox, menu, combobox, slider…).
 */
export function isTypingTarget(target: EventTarget | null): boolean {
  if (!target || typeof (target as Element).closest !== 'function') return false;
  const el = target as HTMLElement;
  if (el.isContentEditable) return true;
  const tag = el.tagName;
  if (tag === 'TEXTAREA' || tag === 'SELECT') return true;
  if (tag === 'INPUT') {
    const type = ((el as HTMLInputElement).type || 'text').toLowerCase();
    return !['checkbox', 'radio', 'button', 'submit', 'reset', 'file', 'color', 'range', 'image'].includes(type);
  }
  return !!el.closest(
    '[contenteditable=""],[contenteditable="true"],[role="textbox"],[role="combobox"],[role="listbox"],[role="menu"],[role="slider"],[role="spinbutton"]',
  );
}

/** The shortcut a keydown means, or null (typing, modifiers, repeats, other keys). */
export function shortcutFor(
  event: Pick<KeyboardEvent, 'key' | 'ctrlKey' | 'metaKey' | 'altKey' | 'target' | 'isComposing' | 'defaultPrevented'>,
): ShortcutKey | null {
  if (event.defaultPrevented || event.isComposing || event.ctrlKey || event.metaKey || event.altKey) return null;
  if (!KEYS.has(event.key)) return null;
  if (isTypingTarget(event.target)) return null;
  // An open dialog or menu owns the keyboard.
  const el = event.target as Element | null;
  if (el && typeof el.closest === 'function' && el.closest('[role="dialog"],[role="alertdialog"]')) return null;
  return event.key as ShortcutKey;
}

export type ShortcutHandlers = Partial<Record<ShortcutKey, () => void>>;

/**
 * One document listener; pages register handlers for as long as they live. The newest
 * registration that handles a key wins (the page over the shell).
 */
@Injectable({ providedIn: 'root' })
export class ShortcutService {
  private readonly document = inject(DOCUMENT);
  private readonly layers: ShortcutHandlers[] = [];
  private listening = false;

  /** Registers handlers until `destroyRef` (the caller's, by default) is destroyed. */
  register(handlers: ShortcutHandlers, destroyRef: DestroyRef = inject(DestroyRef)): void {
    this.listen();
    this.layers.push(handlers);
    destroyRef.onDestroy(() => {
      const i = this.layers.indexOf(handlers);
      if (i >= 0) this.layers.splice(i, 1);
    });
  }

  /** Runs the handler for a key event; true when one ran. Exposed for tests. */
  handle(event: KeyboardEvent): boolean {
    const key = shortcutFor(event);
    if (!key) return false;
    for (let i = this.layers.length - 1; i >= 0; i--) {
      const handler = this.layers[i][key];
      if (handler) {
        event.preventDefault();
        handler();
        return true;
      }
    }
    return false;
  }

  private listen(): void {
    if (this.listening) return;
    this.listening = true;
    this.document.addEventListener('keydown', (event) => this.handle(event));
  }
}
