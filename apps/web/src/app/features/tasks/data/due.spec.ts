import { dueState, formatDue, zoneOffsetMinutes } from './due';

const now = Date.parse('2030-06-01T12:00:00Z');

describe('dueState', () => {
  it('marks open tasks past due as overdue and those due within a day as due soon', () => {
    expect(dueState({ status: 'todo', dueDate: '2030-06-01T11:59:00Z' }, now)).toBe('overdue');
    expect(dueState({ status: 'in_progress', dueDate: '2030-06-02T11:00:00Z' }, now)).toBe('due-soon');
    expect(dueState({ status: 'todo', dueDate: '2030-06-05T12:00:00Z' }, now)).toBeNull();
  });

  it('never flags finished tasks or tasks without a due date', () => {
    expect(dueState({ status: 'completed', dueDate: '2030-05-01T00:00:00Z' }, now)).toBeNull();
    expect(dueState({ status: 'cancelled', dueDate: '2030-05-01T00:00:00Z' }, now)).toBeNull();
    expect(dueState({ status: 'todo', dueDate: null }, now)).toBeNull();
  });
});

describe('formatDue in the user’s preferred zone', () => {
  // 23:30 UTC on 14 June is already 15 June 01:30 in Berlin and 05:00 in Kolkata.
  const at = new Date('2026-06-14T23:30:00Z');
  const nowUtc = new Date('2026-06-14T20:00:00Z');
  /** Angular's locale data puts a narrow no-break space before AM/PM. */
  const plain = (text: string) => text.replace(/\s/g, ' ');

  it('shows the time and the day of that zone, whatever the browser’s', () => {
    expect(plain(formatDue(at, nowUtc, 'Europe/Berlin'))).toBe('Tomorrow, 1:30 AM');
    expect(plain(formatDue(at, nowUtc, 'Asia/Kolkata'))).toBe('Today, 5:00 AM'); // now is already 01:30 on the 15th there
    expect(plain(formatDue(at, nowUtc, 'America/New_York'))).toBe('Today, 7:30 PM');
    expect(plain(formatDue(new Date('2026-06-20T10:00:00Z'), nowUtc, 'Asia/Tokyo'))).toBe('Sat, Jun 20, 7:00 PM');
  });

  it('follows daylight saving time: 09:00 in Berlin is 08:00 UTC in summer, 07:00 in winter', () => {
    expect(zoneOffsetMinutes(new Date('2026-07-01T12:00:00Z'), 'Europe/Berlin')).toBe(120);
    expect(zoneOffsetMinutes(new Date('2026-01-01T12:00:00Z'), 'Europe/Berlin')).toBe(60);
    expect(zoneOffsetMinutes(new Date('2026-01-01T12:00:00Z'), 'UTC')).toBe(0);
    expect(plain(formatDue(new Date('2026-12-01T08:00:00Z'), new Date('2026-12-01T06:00:00Z'), 'Europe/Berlin'))).toBe('Today, 9:00 AM');
  });

  it('falls back to the browser’s zone for an unknown zone', () => {
    expect(zoneOffsetMinutes(at, 'Nowhere/City')).toBeNull();
    expect(formatDue(at, nowUtc, 'Nowhere/City')).toBe(formatDue(at, nowUtc));
  });
});
