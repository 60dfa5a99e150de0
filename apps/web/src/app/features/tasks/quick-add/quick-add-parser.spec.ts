import { formatDue } from '../data/due';
import { DEFAULT_DUE_HOUR, parseQuickAdd, toNewTask } from './quick-add-parser';

// Monday 30 November 2026, 10:15 local time (the tests run in TZ=UTC and TZ=America/New_York alike:
// everything below is local wall-clock time, as the user sees it).
const now = new Date(2026, 10, 30, 10, 15);

describe('parseQuickAdd', () => {
  it('reads the example of the issue: due time, priority and tag, the rest is the title', () => {
    const r = parseQuickAdd('Pay rent tomorrow 9am !high #home', { now });
    expect(r.title).toBe('Pay rent');
    expect(r.priority).toBe('high');
    expect(r.tags).toEqual(['home']);
    expect(r.dueDate).toEqual(new Date(2026, 11, 1, 9, 0));
    expect(r.chips.map((c) => c.kind)).toEqual(['due', 'priority', 'tag']);
    expect(r.chips.find((c) => c.kind === 'due')?.label).toMatch(/^Tomorrow, 0?9[:.]00/);
  });

  it('keeps a removed chip’s words in the title and drops its value', () => {
    const r = parseQuickAdd('Pay rent tomorrow 9am !high #home', { now, ignore: new Set(['due', 'tag:home']) });
    expect(r.title).toBe('Pay rent tomorrow 9am #home');
    expect(r.dueDate).toBeNull();
    expect(r.tags).toEqual([]);
    expect(r.priority).toBe('high');
  });

  it('gives a date without a time of day the default hour, forward from now', () => {
    const r = parseQuickAdd('Call mum friday', { now });
    expect(r.title).toBe('Call mum');
    expect(r.dueDate).toEqual(new Date(2026, 11, 4, DEFAULT_DUE_HOUR, 0));
  });

  it('understands absolute dates and times of day in local time', () => {
    expect(parseQuickAdd('Dentist on 12 January at 14:30', { now }).dueDate).toEqual(new Date(2027, 0, 12, 14, 30));
    expect(parseQuickAdd('Standup today 5pm', { now }).dueDate).toEqual(new Date(2026, 10, 30, 17, 0));
  });

  it('accepts short priorities and several tags, lower-cased and without duplicates', () => {
    const r = parseQuickAdd('Ship it !1 #Work #release #work', { now });
    expect(r.priority).toBe('urgent');
    expect(r.tags).toEqual(['work', 'release']);
    expect(r.title).toBe('Ship it');
    expect(parseQuickAdd('Tidy up !l', { now }).priority).toBe('low');
  });

  it('does not read bare numbers, mid-word marks or unknown priorities', () => {
    const r = parseQuickAdd('Buy 3 apples for C#7 !soon', { now });
    expect(r.title).toBe('Buy 3 apples for C#7 !soon');
    expect(r.dueDate).toBeNull();
    expect(r.priority).toBeNull();
    expect(r.tags).toEqual([]);
    expect(r.chips).toEqual([]);
  });

  it('never reads a tag as a date', () => {
    const r = parseQuickAdd('Taxes #2026', { now });
    expect(r.tags).toEqual(['2026']);
    expect(r.dueDate).toBeNull();
  });

  it('falls back to the given day when the text names none (the calendar)', () => {
    const day = new Date(2026, 11, 24);
    expect(parseQuickAdd('Wrap gifts', { now, defaultDay: day }).dueDate).toEqual(new Date(2026, 11, 24, DEFAULT_DUE_HOUR));
    expect(parseQuickAdd('Wrap gifts tomorrow 8pm', { now, defaultDay: day }).dueDate).toEqual(new Date(2026, 11, 1, 20));
    // A time alone is a time on the chosen day.
    expect(parseQuickAdd('Dentist 3pm', { now, defaultDay: day }).dueDate).toEqual(new Date(2026, 11, 24, 15));
    expect(parseQuickAdd('Dentist 3pm', { now }).dueDate).toEqual(new Date(2026, 10, 30, 15));
  });

  it('builds the API request, medium priority by default', () => {
    expect(toNewTask(parseQuickAdd('Read a book', { now }))).toEqual({ title: 'Read a book', priority: 'medium', tags: [] });
    expect(toNewTask(parseQuickAdd('Pay rent tomorrow 9am !high #home', { now }))).toEqual({
      title: 'Pay rent',
      priority: 'high',
      tags: ['home'],
      dueDate: new Date(2026, 11, 1, 9).toISOString(),
    });
  });
});

describe('formatDue', () => {
  it('names today and tomorrow, otherwise the weekday and date', () => {
    expect(formatDue(new Date(2026, 10, 30, 18, 0), now)).toMatch(/^Today, /);
    expect(formatDue(new Date(2026, 11, 1, 9, 0), now)).toMatch(/^Tomorrow, /);
    expect(formatDue(new Date(2026, 11, 4, 9, 0), now)).toMatch(/Fri.*(Dec 4|4 Dec)/);
    expect(formatDue(new Date(2027, 0, 4, 9, 0), now)).toMatch(/2027/);
  });
});
