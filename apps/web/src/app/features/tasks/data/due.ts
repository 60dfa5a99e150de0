import { formatDate } from '@angular/common';
import { Task } from '../../../core/api/task.types';

export type DueState = 'overdue' | 'due-soon' | null;

/** Tasks due within this window count as "due soon". */
export const DUE_SOON_MS = 24 * 60 * 60 * 1000;

/** Open tasks past their due date are overdue; those due within a day are due soon. */
export function dueState(task: Pick<Task, 'dueDate' | 'status'>, now: number = Date.now()): DueState {
  if (!task.dueDate || task.status === 'completed' || task.status === 'cancelled') return null;
  const due = Date.parse(task.dueDate);
  if (Number.isNaN(due)) return null;
  if (due < now) return 'overdue';
  return due - now <= DUE_SOON_MS ? 'due-soon' : null;
}

// Angular's formatDate reads the locale data bundled with the app. Intl.DateTimeFormat would
// load the ICU data on first use: ~50 ms of main thread on the list's first render.
const LOCALE = 'en-US';

/**
 * "Today, 9:00 AM", "Tomorrow, 6:30 PM", "Fri, Dec 4, 9:00 AM", with the year when it is not this
 * one. With `zone` (the user's preferred IANA zone, when it differs from the browser's) the time
 * and the day are those of that zone.
 */
export function formatDue(date: Date, now: Date = new Date(), zone: string | null = null): string {
  const offset = zone ? zoneOffsetMinutes(date, zone) : null;
  const tz = offset === null ? undefined : offsetText(offset);
  const time = formatDate(date, 'shortTime', LOCALE, tz);
  const days = Math.round((dayNumber(date, offset) - dayNumber(now, zone ? zoneOffsetMinutes(now, zone) : null)) / 86_400_000);
  if (days === 0) return `Today, ${time}`;
  if (days === 1) return `Tomorrow, ${time}`;
  if (days === -1) return `Yesterday, ${time}`;
  const sameYear = localYear(date, offset) === localYear(now, zone ? zoneOffsetMinutes(now, zone) : null);
  return `${formatDate(date, sameYear ? 'EEE, MMM d' : 'EEE, MMM d, y', LOCALE, tz)}, ${time}`;
}

/** Midnight of the local day as a number to subtract: the browser's zone, or a fixed offset. */
function dayNumber(d: Date, offset: number | null): number {
  if (offset === null) return new Date(d.getFullYear(), d.getMonth(), d.getDate()).getTime();
  const shifted = new Date(d.getTime() + offset * 60_000);
  return Date.UTC(shifted.getUTCFullYear(), shifted.getUTCMonth(), shifted.getUTCDate());
}

function localYear(d: Date, offset: number | null): number {
  return offset === null ? d.getFullYear() : new Date(d.getTime() + offset * 60_000).getUTCFullYear();
}

const offsetFormatters = new Map<string, Intl.DateTimeFormat>();

/** The zone's offset from UTC at that instant, in minutes (DST included), from Intl's `longOffset`. */
export function zoneOffsetMinutes(at: Date, zone: string): number | null {
  let fmt = offsetFormatters.get(zone);
  if (!fmt) {
    try {
      fmt = new Intl.DateTimeFormat('en-US', { timeZone: zone, timeZoneName: 'longOffset' });
    } catch {
      return null; // an unknown zone: the browser's is used
    }
    offsetFormatters.set(zone, fmt);
  }
  const name = fmt.formatToParts(at).find((p) => p.type === 'timeZoneName')?.value ?? 'GMT';
  const m = /GMT([+-])(\d{2}):(\d{2})/.exec(name);
  return m ? (m[1] === '-' ? -1 : 1) * (Number(m[2]) * 60 + Number(m[3])) : 0;
}

/** `+0530` for Angular's formatDate. */
function offsetText(minutes: number): string {
  const abs = Math.abs(minutes);
  return `${minutes < 0 ? '-' : '+'}${String(Math.floor(abs / 60)).padStart(2, '0')}${String(abs % 60).padStart(2, '0')}`;
}
