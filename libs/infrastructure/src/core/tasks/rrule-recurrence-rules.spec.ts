import { DomainValidationError } from '@primetrade/domain';
import { RruleRecurrenceRules } from './rrule-recurrence-rules';

const rules = new RruleRecurrenceRules();
const next = (rule: string, timeZone: string, after: string) => rules.next({ rule, timeZone }, new Date(after));
const dueOf = (rule: string, timeZone: string, after: string) => next(rule, timeZone, after)?.dueDate.toISOString();

function violation(rule: string, timeZone = 'Europe/Berlin') {
  try {
    rules.check({ rule, timeZone });
  } catch (error) {
    if (error instanceof DomainValidationError) return error.violations[0];
    throw error;
  }
  throw new Error(`${rule} was accepted`);
}

describe('RruleRecurrenceRules', () => {
  describe('keeps the local time across daylight-saving changes', () => {
    // 2026: Europe/Berlin springs forward on 29 March and falls back on 25 October;
    // America/New_York springs forward on 8 March and falls back on 1 November.
    it.each([
      ['Europe/Berlin', 'spring forward', '2026-03-28T08:00:00.000Z', '2026-03-29T07:00:00.000Z'],
      ['Europe/Berlin', 'fall back', '2026-10-24T07:00:00.000Z', '2026-10-25T08:00:00.000Z'],
      ['America/New_York', 'spring forward', '2026-03-07T14:00:00.000Z', '2026-03-08T13:00:00.000Z'],
      ['America/New_York', 'fall back', '2026-10-31T13:00:00.000Z', '2026-11-01T14:00:00.000Z'],
    ])('%s, %s: a 09:00 daily task is next due at 09:00 local', (zone, _change, due, expected) => {
      expect(dueOf('FREQ=DAILY', zone, due)).toBe(expected);
      const local = new Intl.DateTimeFormat('en-GB', { timeZone: zone, hour: '2-digit', minute: '2-digit' });
      expect(local.format(new Date(expected))).toBe('09:00');
    });

    it('a weekly task crosses the change at the same wall time', () => {
      // Monday 23 March 2026 18:30 Berlin (CET) → Monday 30 March 18:30 (CEST).
      expect(dueOf('FREQ=WEEKLY', 'Europe/Berlin', '2026-03-23T17:30:00.000Z')).toBe('2026-03-30T16:30:00.000Z');
    });
  });

  it('gives the next chosen weekday', () => {
    // Monday 1 June 2026 09:00 New York → Wednesday 3 June, then Monday 8 June.
    expect(dueOf('FREQ=WEEKLY;BYDAY=MO,WE', 'America/New_York', '2026-06-01T13:00:00.000Z')).toBe('2026-06-03T13:00:00.000Z');
    expect(dueOf('FREQ=WEEKLY;BYDAY=MO,WE', 'America/New_York', '2026-06-03T13:00:00.000Z')).toBe('2026-06-08T13:00:00.000Z');
  });

  it('gives the last day of the next month for BYMONTHDAY=-1', () => {
    expect(dueOf('FREQ=MONTHLY;BYMONTHDAY=-1', 'Europe/Berlin', '2026-01-31T08:00:00.000Z')).toBe('2026-02-28T08:00:00.000Z');
    expect(dueOf('FREQ=MONTHLY;BYMONTHDAY=-1', 'Europe/Berlin', '2026-02-28T08:00:00.000Z')).toBe('2026-03-31T07:00:00.000Z');
  });

  it('counts COUNT down and ends the series at its last occurrence', () => {
    const second = next('FREQ=DAILY;INTERVAL=2;COUNT=3', 'UTC', '2026-06-01T09:00:00.000Z');
    expect(second).toEqual({ dueDate: new Date('2026-06-03T09:00:00.000Z'), rule: 'FREQ=DAILY;INTERVAL=2;COUNT=2' });
    const third = next(second!.rule, 'UTC', '2026-06-03T09:00:00.000Z');
    expect(third).toEqual({ dueDate: new Date('2026-06-05T09:00:00.000Z'), rule: 'FREQ=DAILY;INTERVAL=2;COUNT=1' });
    expect(next(third!.rule, 'UTC', '2026-06-05T09:00:00.000Z')).toBeNull();
  });

  it('ends the series after UNTIL', () => {
    const rule = 'FREQ=DAILY;UNTIL=20260602T235959Z';
    expect(next(rule, 'Europe/Berlin', '2026-06-01T07:00:00.000Z')).toEqual({ dueDate: new Date('2026-06-02T07:00:00.000Z'), rule });
    expect(next(rule, 'Europe/Berlin', '2026-06-02T07:00:00.000Z')).toBeNull();
  });

  it('canonicalises what it accepts', () => {
    expect(rules.check({ rule: ' rrule:freq=weekly;byday=mo,we; ', timeZone: 'europe/berlin' })).toEqual({
      rule: 'FREQ=WEEKLY;BYDAY=MO,WE',
      timeZone: 'Europe/Berlin',
    });
    expect(rules.check({ rule: 'FREQ=HOURLY;BYHOUR=9,10,11', timeZone: 'UTC' }).rule).toBe('FREQ=HOURLY;BYHOUR=9,10,11');
  });

  it.each([
    ['FREQ=MINUTELY', 'FREQ=MINUTELY: more often than hourly'],
    ['FREQ=SECONDLY;INTERVAL=3600', 'FREQ=SECONDLY: more often than hourly'],
    ['FREQ=HOURLY;BYMINUTE=0,30', 'BYMINUTE=0,30: more often than hourly'],
    ['FREQ=DAYLY', 'FREQ=DAYLY: unknown frequency'],
    ['BYDAY=MO', 'FREQ: missing, e.g. FREQ=DAILY'],
    ['every monday', 'EVERY MONDAY: not a NAME=VALUE part'],
    ['FREQ=DAILY;FOO=1', 'FOO=1: unknown part'],
    ['FREQ=DAILY;COUNT=0', 'COUNT=0: must be a positive whole number'],
    ['FREQ=DAILY;COUNT=2;UNTIL=20270101T000000Z', 'COUNT and UNTIL: only one of them may be given'],
    ['DTSTART=20260101T090000;FREQ=DAILY', 'DTSTART=20260101T090000: not part of the rule; the due date is the start'],
    ['FREQ=DAILY;FREQ=WEEKLY', 'FREQ: given twice'],
    ['', 'must not be empty, e.g. FREQ=WEEKLY;BYDAY=MO'],
  ])('refuses %j naming the part: %s', (rule, message) => {
    expect(violation(rule)).toEqual({ field: 'recurrence.rule', message });
  });

  it('passes on what the library refuses, with the rule', () => {
    expect(violation('FREQ=WEEKLY;BYDAY=XX')).toEqual({
      field: 'recurrence.rule',
      message: expect.stringMatching(/^FREQ=WEEKLY;BYDAY=XX: .*BYDAY/),
    });
  });

  it('refuses a zone that is not IANA', () => {
    expect(violation('FREQ=DAILY', 'Mars/Olympus')).toEqual({
      field: 'recurrence.timeZone',
      message: 'Mars/Olympus: not an IANA time zone (e.g. Europe/Berlin)',
    });
  });
});
