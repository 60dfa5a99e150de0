// Loaded on demand (import()) by the repeat picker, so the RRULE library stays out of the
// initial bundle: the same library the API computes occurrences with.
import { RRuleTemporal } from 'rrule-temporal';

/**
 * The first `count` due dates of a series starting at `start`, in `timeZone`'s wall clock (as the
 * API computes them: a 09:00 rule stays at 09:00 local across daylight-saving changes). Throws
 * with the library's message when the rule does not parse.
 */
export function nextOccurrences(rule: string, timeZone: string, start: Date, count = 5): Date[] {
  // As the API does: the task itself is the first occurrence, each next one follows the one before,
  // and COUNT is the series' length, counted here.
  const parts = rule
    .trim()
    .replace(/^RRULE:/i, '')
    .split(';')
    .filter(Boolean);
  const total = Number(/^COUNT=(\d+)$/i.exec(parts.find((p) => /^COUNT=/i.test(p)) ?? '')?.[1] ?? Infinity);
  const text = parts.filter((p) => !/^COUNT=/i.test(p)).join(';');
  const dates = [start];
  while (dates.length < Math.min(count, total)) {
    const after = dates[dates.length - 1];
    const series = new RRuleTemporal({
      rruleString: `DTSTART;TZID=${timeZone}:${wallClock(after, timeZone)}\nRRULE:${text}`,
      maxIterations: 10_000,
    });
    const next = series.next(after);
    if (!next) break;
    dates.push(new Date(next.epochMilliseconds));
  }
  return dates;
}

function wallClock(instant: Date, timeZone: string): string {
  const parts = new Intl.DateTimeFormat('en-US', {
    timeZone,
    hourCycle: 'h23',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
  }).formatToParts(instant);
  const get = (type: Intl.DateTimeFormatPartTypes) => parts.find((p) => p.type === type)?.value ?? '00';
  return `${get('year')}${get('month')}${get('day')}T${get('hour')}${get('minute')}${get('second')}`;
}

/** "Mon 9 Mar 2026, 09:00" in the rule's zone. */
export function formatOccurrence(date: Date, timeZone: string): string {
  return new Intl.DateTimeFormat('en-GB', {
    timeZone,
    weekday: 'short',
    day: 'numeric',
    month: 'short',
    year: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
  }).format(date);
}
