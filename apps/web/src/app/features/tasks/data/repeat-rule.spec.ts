import { fromRecurrence, noRepeat, repeatLabel, toRecurrence, toRule } from './repeat-rule';

describe('repeat rules', () => {
  const zone = 'Europe/Berlin';
  const value = (changes: object) => ({ ...noRepeat(zone), ...changes });

  it('turns each choice into its RRULE', () => {
    expect(toRule(value({ kind: 'none' }))).toBeNull();
    expect(toRule(value({ kind: 'daily' }))).toBe('FREQ=DAILY');
    expect(toRule(value({ kind: 'weekdays' }))).toBe('FREQ=WEEKLY;BYDAY=MO,TU,WE,TH,FR');
    // Days in week order, whatever order they were ticked in; none ticked means Monday.
    expect(toRule(value({ kind: 'weekly', days: ['FR', 'MO'] }))).toBe('FREQ=WEEKLY;BYDAY=MO,FR');
    expect(toRule(value({ kind: 'weekly', days: [] }))).toBe('FREQ=WEEKLY;BYDAY=MO');
    expect(toRule(value({ kind: 'monthly', monthDay: -1 }))).toBe('FREQ=MONTHLY;BYMONTHDAY=-1');
    expect(toRule(value({ kind: 'custom', custom: '  FREQ=YEARLY  ' }))).toBe('FREQ=YEARLY');
    expect(toRule(value({ kind: 'custom', custom: ' ' }))).toBeNull();
  });

  it('gives the request its recurrence, with the zone', () => {
    expect(toRecurrence(value({ kind: 'daily' }))).toEqual({ rule: 'FREQ=DAILY', timeZone: zone });
    expect(toRecurrence(value({ kind: 'none' }))).toBeNull();
  });

  it('shows a stored rule as the choice it is, and anything else as custom text', () => {
    const of = (rule: string) => fromRecurrence({ rule, timeZone: zone, seriesId: 's' });
    expect(of('FREQ=DAILY')).toMatchObject({ kind: 'daily', timeZone: zone });
    expect(of('FREQ=WEEKLY;BYDAY=MO,TU,WE,TH,FR').kind).toBe('weekdays');
    expect(of('FREQ=WEEKLY;BYDAY=MO,WE')).toMatchObject({ kind: 'weekly', days: ['MO', 'WE'] });
    expect(of('FREQ=MONTHLY;BYMONTHDAY=-1')).toMatchObject({ kind: 'monthly', monthDay: -1 });
    expect(of('FREQ=DAILY;COUNT=3')).toMatchObject({ kind: 'custom', custom: 'FREQ=DAILY;COUNT=3' });
    expect(toRule(of('FREQ=WEEKLY;INTERVAL=2;BYDAY=TU'))).toBe('FREQ=WEEKLY;INTERVAL=2;BYDAY=TU'); // unchanged on save
    expect(fromRecurrence(null).kind).toBe('none');
  });

  it('labels list rows in words', () => {
    const label = (rule: string) => repeatLabel({ rule, timeZone: zone, seriesId: 's' });
    expect(label('FREQ=DAILY')).toBe('Repeats daily');
    expect(label('FREQ=WEEKLY;BYDAY=MO,TU,WE,TH,FR')).toBe('Repeats on weekdays');
    expect(label('FREQ=WEEKLY;BYDAY=MO,WE')).toBe('Repeats weekly: Mon, Wed');
    expect(label('FREQ=MONTHLY;BYMONTHDAY=15')).toBe('Repeats monthly on day 15');
    expect(label('FREQ=MONTHLY;BYMONTHDAY=-1')).toBe('Repeats monthly on the last day');
    expect(label('FREQ=YEARLY;COUNT=2')).toBe('Repeats: FREQ=YEARLY;COUNT=2');
  });
});
