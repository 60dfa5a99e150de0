import { formatOccurrence, nextOccurrences } from './recurrence-preview';

describe('recurrence preview (the RRULE library, in the browser)', () => {
  const iso = (dates: Date[]) => dates.map((d) => d.toISOString());

  it('keeps 09:00 in New York across the spring change, starting with the due date', () => {
    // Friday 6 March 2026 09:00 EST; the clocks spring forward on Sunday 8 March.
    const dates = nextOccurrences('FREQ=DAILY', 'America/New_York', new Date('2026-03-06T14:00:00Z'), 4);
    expect(iso(dates)).toEqual([
      '2026-03-06T14:00:00.000Z',
      '2026-03-07T14:00:00.000Z',
      '2026-03-08T13:00:00.000Z',
      '2026-03-09T13:00:00.000Z',
    ]);
    expect(dates.map((d) => formatOccurrence(d, 'America/New_York'))).toEqual([
      'Fri, 6 Mar 2026, 09:00',
      'Sat, 7 Mar 2026, 09:00',
      'Sun, 8 Mar 2026, 09:00',
      'Mon, 9 Mar 2026, 09:00',
    ]);
  });

  it('keeps 09:00 in Berlin across the autumn change, on the chosen weekdays', () => {
    // Friday 23 October 2026 09:00 CEST; the clocks fall back on Sunday 25 October.
    const dates = nextOccurrences('FREQ=WEEKLY;BYDAY=MO,FR', 'Europe/Berlin', new Date('2026-10-23T07:00:00Z'), 3);
    expect(iso(dates)).toEqual(['2026-10-23T07:00:00.000Z', '2026-10-26T08:00:00.000Z', '2026-10-30T08:00:00.000Z']);
  });

  it('stops at COUNT, as the API does', () => {
    expect(nextOccurrences('FREQ=DAILY;COUNT=2', 'UTC', new Date('2026-06-01T09:00:00Z'))).toHaveLength(2);
  });

  it('throws on a rule it cannot read', () => {
    expect(() => nextOccurrences('FREQ=DAYLY', 'UTC', new Date('2026-06-01T09:00:00Z'))).toThrow(/FREQ/);
  });
});
