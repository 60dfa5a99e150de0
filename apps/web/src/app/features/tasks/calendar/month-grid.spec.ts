import { byDay, dayKey, gridRange, monthGrid, parseDayKey } from './month-grid';

describe('month grid', () => {
  it('lays out whole weeks from Monday, marking the month and today', () => {
    // December 2026 starts on a Tuesday and ends on a Thursday: 5 weeks, 30 Nov to 3 Jan.
    const weeks = monthGrid(2026, 11, new Date(2026, 11, 24, 15));
    expect(weeks).toHaveLength(5);
    expect(weeks.every((w) => w.length === 7)).toBe(true);
    expect(weeks[0][0].key).toBe('2026-11-30');
    expect(weeks[0][0].inMonth).toBe(false);
    expect(weeks[0][1].key).toBe('2026-12-01');
    expect(weeks[4][6].key).toBe('2027-01-03');
    expect(
      weeks
        .flat()
        .filter((d) => d.today)
        .map((d) => d.key),
    ).toEqual(['2026-12-24']);
    expect(weeks.flat().filter((d) => d.inMonth)).toHaveLength(31);
  });

  it('needs six weeks for a month that starts late in the week, and four for a tidy February', () => {
    expect(monthGrid(2026, 7)).toHaveLength(6); // August 2026 starts on a Saturday
    expect(monthGrid(2027, 1)).toHaveLength(4); // February 2027 starts on a Monday, 28 days
  });

  it('gives the range the API is asked for and groups tasks by local due day', () => {
    const weeks = monthGrid(2026, 11);
    const { from, to } = gridRange(weeks);
    expect(dayKey(from)).toBe('2026-11-30');
    expect(from.getHours()).toBe(0);
    expect(dayKey(to)).toBe('2027-01-03');
    expect(to.getHours()).toBe(23);
    const a = { id: 'a', dueDate: new Date(2026, 11, 3, 9).toISOString() };
    const b = { id: 'b', dueDate: new Date(2026, 11, 3, 23, 30).toISOString() };
    const c = { id: 'c', dueDate: null };
    expect([...byDay([a, b, c]).entries()]).toEqual([['2026-12-03', [a, b]]]);
  });

  it('reads day keys as local days and refuses impossible ones', () => {
    expect(parseDayKey('2026-12-03')).toEqual(new Date(2026, 11, 3));
    expect(parseDayKey('2026-02-30')).toBeNull();
    expect(parseDayKey('yesterday')).toBeNull();
  });
});
