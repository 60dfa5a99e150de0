import { DestroyRef } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { isTypingTarget, ShortcutService, shortcutFor } from './shortcuts';

function press(target: EventTarget, key: string, init: KeyboardEventInit = {}): KeyboardEvent {
  const event = new KeyboardEvent('keydown', { key, bubbles: true, cancelable: true, ...init });
  target.dispatchEvent(event);
  return event;
}

describe('shortcuts', () => {
  afterEach(() => (document.body.innerHTML = ''));

  it('never fires while typing in a field', () => {
    document.body.innerHTML = `
      <input id="text" /><input id="search" type="search" /><textarea id="area"></textarea>
      <select id="sel"></select><div id="edit" contenteditable="true"></div>
      <div role="combobox" id="combo"></div><input id="cb" type="checkbox" /><button id="btn"></button>`;
    const $ = (id: string) => document.getElementById(id);
    for (const id of ['text', 'search', 'area', 'sel', 'combo']) expect(isTypingTarget($(id))).toBe(true);
    for (const id of ['cb', 'btn']) expect(isTypingTarget($(id))).toBe(false);
    expect(isTypingTarget(document.body)).toBe(false);
  });

  it('ignores modified keys, unknown keys and keys inside a dialog', () => {
    document.body.innerHTML = `<button id="b"></button><div role="dialog"><button id="d"></button></div>`;
    const b = document.getElementById('b')!;
    const event = (key: string, init: KeyboardEventInit = {}) => {
      const e = new KeyboardEvent('keydown', { key, ...init });
      Object.defineProperty(e, 'target', { value: b });
      return e;
    };
    expect(shortcutFor(event('j'))).toBe('j');
    expect(shortcutFor(event('?', { shiftKey: true }))).toBe('?');
    expect(shortcutFor(event('n', { ctrlKey: true }))).toBeNull();
    expect(shortcutFor(event('n', { metaKey: true }))).toBeNull();
    expect(shortcutFor(event('q'))).toBeNull();
    const inDialog = new KeyboardEvent('keydown', { key: 'x' });
    Object.defineProperty(inDialog, 'target', { value: document.getElementById('d') });
    expect(shortcutFor(inDialog)).toBeNull();
  });

  it('runs the newest handler for a key and stops when its owner is destroyed', () => {
    document.body.innerHTML = `<button id="b"></button><input id="i" />`;
    const service = TestBed.inject(ShortcutService);
    const calls: string[] = [];
    const shellDestroy = TestBed.inject(DestroyRef);
    let pageDestroy: () => void = () => undefined;
    const page = { onDestroy: (fn: () => void) => ((pageDestroy = fn), () => undefined) } as unknown as DestroyRef;

    service.register({ '?': () => calls.push('shell ?'), n: () => calls.push('shell n') }, shellDestroy);
    service.register({ n: () => calls.push('page n'), j: () => calls.push('page j') }, page);

    const button = document.getElementById('b')!;
    expect(press(button, 'n').defaultPrevented).toBe(true);
    press(button, 'j');
    press(button, '?');
    press(document.getElementById('i')!, 'n'); // typing: nothing
    expect(calls).toEqual(['page n', 'page j', 'shell ?']);

    pageDestroy();
    press(button, 'n');
    expect(press(button, 'j').defaultPrevented).toBe(false);
    expect(calls).toEqual(['page n', 'page j', 'shell ?', 'shell n']);
  });
});
