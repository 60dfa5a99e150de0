import type { Task } from '../../../core/api/task.types';
import { browserTimeZone } from '../../../core/preferences/user-time-zone';

/** What the repeat picker offers; `custom` takes any RRULE the API accepts. */
export type RepeatKind = 'none' | 'daily' | 'weekdays' | 'weekly' | 'monthly' | 'custom';

export interface RepeatValue {
  kind: RepeatKind;
  /** RRULE weekday codes for `weekly`. */
  days: readonly string[];
  /** 1–31, or -1 for the month's last day, for `monthly`. */
  monthDay: number;
  /** The RRULE for `custom`. */
  custom: string;
  /** IANA zone the rule runs in. */
  timeZone: string;
}

export const WEEKDAYS = [
  { code: 'MO', label: 'Mon', name: 'Monday' },
  { code: 'TU', label: 'Tue', name: 'Tuesday' },
  { code: 'WE', label: 'Wed', name: 'Wednesday' },
  { code: 'TH', label: 'Thu', name: 'Thursday' },
  { code: 'FR', label: 'Fri', name: 'Friday' },
  { code: 'SA', label: 'Sat', name: 'Saturday' },
  { code: 'SU', label: 'Sun', name: 'Sunday' },
] as const;

const WORKDAYS = 'MO,TU,WE,TH,FR';

export function noRepeat(timeZone = browserTimeZone()): RepeatValue {
  return { kind: 'none', days: ['MO'], monthDay: 1, custom: '', timeZone };
}

/** The RRULE for the picker's value; null for "does not repeat". */
export function toRule(value: RepeatValue): string | null {
  switch (value.kind) {
    case 'none':
      return null;
    case 'daily':
      return 'FREQ=DAILY';
    case 'weekdays':
      return `FREQ=WEEKLY;BYDAY=${WORKDAYS}`;
    case 'weekly': {
      const days = WEEKDAYS.map((d) => d.code).filter((code) => value.days.includes(code));
      return `FREQ=WEEKLY;BYDAY=${(days.length ? days : ['MO']).join(',')}`;
    }
    case 'monthly':
      return `FREQ=MONTHLY;BYMONTHDAY=${value.monthDay}`;
    case 'custom':
      return value.custom.trim() || null;
  }
}

/** The picker's value for a stored recurrence: a rule it cannot show as a choice stays custom text. */
export function fromRecurrence(recurrence: Task['recurrence']): RepeatValue {
  if (!recurrence) return noRepeat();
  const base = { ...noRepeat(recurrence.timeZone), custom: recurrence.rule };
  const rule = recurrence.rule;
  if (rule === 'FREQ=DAILY') return { ...base, kind: 'daily' };
  if (rule === `FREQ=WEEKLY;BYDAY=${WORKDAYS}`) return { ...base, kind: 'weekdays' };
  const weekly = /^FREQ=WEEKLY;BYDAY=((?:MO|TU|WE|TH|FR|SA|SU)(?:,(?:MO|TU|WE|TH|FR|SA|SU))*)$/.exec(rule);
  if (weekly) return { ...base, kind: 'weekly', days: weekly[1].split(',') };
  const monthly = /^FREQ=MONTHLY;BYMONTHDAY=(-1|[1-9]|[12]\d|3[01])$/.exec(rule);
  if (monthly) return { ...base, kind: 'monthly', monthDay: Number(monthly[1]) };
  return { ...base, kind: 'custom' };
}

/** The request's `recurrence`: null when the task does not repeat. */
export function toRecurrence(value: RepeatValue): { rule: string; timeZone: string } | null {
  const rule = toRule(value);
  return rule ? { rule, timeZone: value.timeZone } : null;
}

/** A short label for list rows: "Repeats daily", "Repeats Mon, Wed", …; the rule itself otherwise. */
export function repeatLabel(recurrence: NonNullable<Task['recurrence']>): string {
  const value = fromRecurrence(recurrence);
  switch (value.kind) {
    case 'daily':
      return 'Repeats daily';
    case 'weekdays':
      return 'Repeats on weekdays';
    case 'weekly':
      return `Repeats weekly: ${value.days.map((c) => WEEKDAYS.find((d) => d.code === c)?.label ?? c).join(', ')}`;
    case 'monthly':
      return value.monthDay === -1 ? 'Repeats monthly on the last day' : `Repeats monthly on day ${value.monthDay}`;
    default:
      return `Repeats: ${recurrence.rule}`;
  }
}
