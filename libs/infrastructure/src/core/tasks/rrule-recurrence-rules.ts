import { Injectable } from '@nestjs/common';
import { DomainValidationError, type NextOccurrence, type RecurrenceInput, RecurrenceRules } from '@primetrade/domain';
import { RRuleTemporal } from 'rrule-temporal';

const RULE = 'recurrence.rule';
const ZONE = 'recurrence.timeZone';

/** The RRULE parts a task's rule may have (RFC 5545 §3.3.10); DTSTART is the task's due date. */
const PARTS = new Set([
  'FREQ',
  'INTERVAL',
  'COUNT',
  'UNTIL',
  'BYSECOND',
  'BYMINUTE',
  'BYHOUR',
  'BYDAY',
  'BYMONTHDAY',
  'BYYEARDAY',
  'BYWEEKNO',
  'BYMONTH',
  'BYSETPOS',
  'WKST',
]);
const FREQUENCIES = new Set(['YEARLY', 'MONTHLY', 'WEEKLY', 'DAILY', 'HOURLY']);
const TOO_OFTEN = new Set(['MINUTELY', 'SECONDLY']);
const POSITIVE = /^[1-9]\d{0,5}$/;

type RuleParts = Map<string, string>;

/**
 * RFC 5545 rules through rrule-temporal, which computes in Temporal.ZonedDateTime (a bundled
 * polyfill where the runtime has no Temporal): the rule runs on the wall clock of its zone, so
 * a 09:00 daily rule gives 09:00 local on both sides of a daylight-saving change.
 *
 * Each next occurrence is computed with the rule anchored (DTSTART) at the due date being left
 * behind, and COUNT counts down from one occurrence to the next: the series needs no memory of
 * its start, and a rule edited mid-series applies from the occurrence it was edited on.
 */
@Injectable()
export class RruleRecurrenceRules extends RecurrenceRules {
  check(input: RecurrenceInput): RecurrenceInput {
    const timeZone = canonicalZone(input.timeZone);
    const parts = parseRule(input.rule);
    const rule = formatRule(parts);
    try {
      // What the library refuses beyond our own checks (bad BYDAY, UNTIL, INTERVAL=0…), named by part.
      engine(rule, timeZone, new Date()).next();
    } catch (error) {
      throw new DomainValidationError(RULE, `${rule}: ${(error as Error).message}`);
    }
    return { rule, timeZone };
  }

  next(recurrence: RecurrenceInput, after: Date): NextOccurrence | null {
    const parts = parseRule(recurrence.rule);
    const count = parts.get('COUNT');
    if (count !== undefined && Number(count) <= 1) return null;
    parts.delete('COUNT'); // counted here, so the anchor itself is not taken for one of them
    const next = engine(formatRule(parts), recurrence.timeZone, after).next(after);
    if (!next) return null;
    if (count !== undefined) parts.set('COUNT', String(Number(count) - 1));
    return { dueDate: new Date(next.epochMilliseconds), rule: formatRule(sorted(parts, recurrence.rule)) };
  }
}

function engine(rule: string, timeZone: string, start: Date): RRuleTemporal {
  return new RRuleTemporal({
    rruleString: `DTSTART;TZID=${timeZone}:${wallClock(start, timeZone)}\nRRULE:${rule}`,
    maxIterations: 100_000,
  });
}

/** An IANA zone the runtime knows, in its canonical spelling ("europe/berlin" → "Europe/Berlin"). */
function canonicalZone(raw: string): string {
  const zone = raw.trim();
  try {
    if (zone === '') throw new RangeError('empty');
    return new Intl.DateTimeFormat('en-US', { timeZone: zone }).resolvedOptions().timeZone;
  } catch {
    throw new DomainValidationError(ZONE, `${raw}: not an IANA time zone (e.g. Europe/Berlin)`);
  }
}

/** The rule's parts in order, checked: known, once each, at most hourly, well-formed numbers. */
function parseRule(raw: string): RuleParts {
  const text = raw
    .trim()
    .replace(/^RRULE:/i, '')
    .replace(/;$/, '')
    .toUpperCase();
  if (text === '') throw new DomainValidationError(RULE, 'must not be empty, e.g. FREQ=WEEKLY;BYDAY=MO');
  const parts: RuleParts = new Map();
  for (const part of text.split(';')) {
    const [key, value, ...rest] = part.split('=');
    if (key === 'DTSTART') throw new DomainValidationError(RULE, `${part}: not part of the rule; the due date is the start`);
    if (value === undefined || value === '' || rest.length > 0) throw new DomainValidationError(RULE, `${part}: not a NAME=VALUE part`);
    if (!PARTS.has(key)) throw new DomainValidationError(RULE, `${part}: unknown part`);
    if (parts.has(key)) throw new DomainValidationError(RULE, `${key}: given twice`);
    parts.set(key, value);
  }
  const freq = parts.get('FREQ');
  if (freq === undefined) throw new DomainValidationError(RULE, 'FREQ: missing, e.g. FREQ=DAILY');
  if (TOO_OFTEN.has(freq)) throw new DomainValidationError(RULE, `FREQ=${freq}: more often than hourly`);
  if (!FREQUENCIES.has(freq)) throw new DomainValidationError(RULE, `FREQ=${freq}: unknown frequency`);
  for (const key of ['BYMINUTE', 'BYSECOND']) {
    const value = parts.get(key);
    if (value?.includes(',')) throw new DomainValidationError(RULE, `${key}=${value}: more often than hourly`);
  }
  for (const key of ['COUNT', 'INTERVAL']) {
    const value = parts.get(key);
    if (value !== undefined && !POSITIVE.test(value))
      throw new DomainValidationError(RULE, `${key}=${value}: must be a positive whole number`);
  }
  if (parts.has('COUNT') && parts.has('UNTIL')) throw new DomainValidationError(RULE, 'COUNT and UNTIL: only one of them may be given');
  return parts;
}

const formatRule = (parts: RuleParts): string => [...parts].map(([key, value]) => `${key}=${value}`).join(';');

/** The parts in the order the stored rule had them (COUNT back in its place). */
function sorted(parts: RuleParts, original: string): RuleParts {
  const order = [...parseRule(original).keys()];
  return new Map([...parts].sort(([a], [b]) => order.indexOf(a) - order.indexOf(b)));
}

/** The instant's wall-clock time in the zone, as an iCalendar local DATE-TIME (20260329T090000). */
function wallClock(instant: Date, timeZone: string): string {
  const fields = new Intl.DateTimeFormat('en-US', {
    timeZone,
    hourCycle: 'h23',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
  }).formatToParts(instant);
  const get = (type: Intl.DateTimeFormatPartTypes) => fields.find((f) => f.type === type)?.value ?? '00';
  return `${get('year').padStart(4, '0')}${get('month')}${get('day')}T${get('hour')}${get('minute')}${get('second')}`;
}
