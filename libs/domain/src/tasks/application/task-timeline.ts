import { DomainValidationError } from '../../shared/model/domain.errors';

export interface TaskTimelineDay {
  /** The calendar day in the timeline's zone, YYYY-MM-DD. */
  date: string;
  created: number;
  completed: number;
}

export interface TaskTimeline {
  timeZone: string;
  /** Oldest first, ending with today in `timeZone`. */
  days: TaskTimelineDay[];
  /** Consecutive days with at least one completion, ending today (or yesterday while today has none yet). */
  currentStreak: number;
}

export const TASK_TIMELINE_DAYS = { min: 1, max: 365, default: 30 } as const;

const DAY_MS = 86_400_000;

/** Whether `timeZone` is an IANA zone this runtime knows (Intl throws a RangeError otherwise). */
export function isTimeZone(timeZone: string): boolean {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone });
    return true;
  } catch {
    return false;
  }
}

/** The zone's canonical spelling (e.g. "europe/paris" → "Europe/Paris"), or a validation error. */
export function canonicalTimeZone(timeZone: string): string {
  if (!timeZone || !isTimeZone(timeZone)) throw new DomainValidationError('tz', 'must be an IANA time zone such as Europe/Paris');
  return new Intl.DateTimeFormat('en-US', { timeZone }).resolvedOptions().timeZone;
}

/** Calendar date parts of an instant in a zone. */
function zonedParts(format: Intl.DateTimeFormat, instant: number): { y: number; m: number; d: number; hh: number; mm: number; ss: number } {
  const parts: Record<string, number> = {};
  for (const part of format.formatToParts(new Date(instant))) if (part.type !== 'literal') parts[part.type] = Number(part.value);
  return { y: parts['year'], m: parts['month'], d: parts['day'], hh: parts['hour'] % 24, mm: parts['minute'], ss: parts['second'] };
}

function formatter(timeZone: string): Intl.DateTimeFormat {
  return new Intl.DateTimeFormat('en-US', {
    timeZone,
    hourCycle: 'h23',
    year: 'numeric',
    month: 'numeric',
    day: 'numeric',
    hour: 'numeric',
    minute: 'numeric',
    second: 'numeric',
  });
}

/** The zone's offset from UTC at an instant, in ms (wall clock minus UTC). */
function offsetAt(format: Intl.DateTimeFormat, instant: number): number {
  const p = zonedParts(format, instant);
  const wall = Date.UTC(p.y, p.m - 1, p.d, p.hh, p.mm, p.ss);
  return wall - Math.floor(instant / 1000) * 1000;
}

/**
 * The first instant of a calendar day in a zone: local midnight, or the first instant after a
 * gap when the clocks skip midnight (DST changes at 00:00 in some zones).
 */
function startOfDay(format: Intl.DateTimeFormat, y: number, m: number, d: number): number {
  const midnightUtc = Date.UTC(y, m - 1, d);
  const first = midnightUtc - offsetAt(format, midnightUtc);
  const second = midnightUtc - offsetAt(format, first);
  // Normally both are the same instant. Where midnight happens twice (clocks go back at 00:00) take
  // the earlier; where it is skipped (clocks go forward at 00:00) one candidate falls on the day
  // before, and the other is the first instant of the day.
  const onTheDay = [first, second].filter((instant) => {
    const p = zonedParts(format, instant);
    return Date.UTC(p.y, p.m - 1, p.d) === midnightUtc;
  });
  return onTheDay.length ? Math.min(...onTheDay) : second;
}

/** The calendar day of an instant in a zone, as a day number (days since 1970-01-01 of that calendar). */
export function zonedDayNumber(instant: Date, timeZone: string): number {
  const p = zonedParts(formatter(timeZone), instant.getTime());
  return Date.UTC(p.y, p.m - 1, p.d) / DAY_MS;
}

const iso = (utcMidnight: number) => new Date(utcMidnight).toISOString().slice(0, 10);

export interface TimelineCalendar {
  /** YYYY-MM-DD of each day, oldest first, the last being today. */
  dates: string[];
  /** dates.length + 1 instants: the start of each day, then the start of tomorrow. */
  boundaries: Date[];
}

/** The last `days` calendar days up to the one holding `now`, in a zone. */
export function timelineCalendar(now: Date, days: number, timeZone: string): TimelineCalendar {
  const format = formatter(timeZone);
  const today = zonedParts(format, now.getTime());
  const todayUtc = Date.UTC(today.y, today.m - 1, today.d);
  const dates: string[] = [];
  const boundaries: Date[] = [];
  for (let k = days - 1; k >= -1; k--) {
    const day = new Date(todayUtc - k * DAY_MS);
    if (k >= 0) dates.push(iso(day.getTime()));
    boundaries.push(new Date(startOfDay(format, day.getUTCFullYear(), day.getUTCMonth() + 1, day.getUTCDate())));
  }
  return { dates, boundaries };
}

/**
 * The streak from completions per day (oldest first, the last being today): consecutive days with
 * a completion ending today — or ending yesterday while today has none yet, since the day is not
 * over. `reachesStart` tells whether it runs back through the first day (the caller looks further).
 */
export function streakOf(completed: readonly number[]): { streak: number; reachesStart: boolean } {
  let i = completed.length - 1;
  if (i >= 0 && completed[i] === 0) i--; // today, still open
  let streak = 0;
  while (i >= 0 && completed[i] > 0) {
    streak++;
    i--;
  }
  // Ran out of days without meeting a day without completion: the streak may go on before them.
  return { streak, reachesStart: i < 0 };
}
