/** A day of the month grid (local calendar days). */
export interface GridDay {
  /** yyyy-mm-dd, local. */
  key: string;
  date: Date;
  inMonth: boolean;
  today: boolean;
}

export const dayKey = (d: Date): string =>
  `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;

/** Parses yyyy-mm-dd as a local day (not UTC midnight, which `new Date('2026-12-01')` would be). */
export function parseDayKey(key: string): Date | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(key);
  if (!m) return null;
  const d = new Date(Number(m[1]), Number(m[2]) - 1, Number(m[3]));
  return dayKey(d) === key ? d : null;
}

/**
 * The weeks shown for a month: Monday first, whole weeks, so 4 to 6 rows of 7 days. Built
 * from calendar dates, never by adding 24 h, so daylight-saving changes cannot skip a day.
 */
export function monthGrid(year: number, month: number, today: Date = new Date()): GridDay[][] {
  const first = new Date(year, month, 1);
  const offset = (first.getDay() + 6) % 7; // Monday = 0
  const last = new Date(year, month + 1, 0).getDate();
  const cells = Math.ceil((offset + last) / 7) * 7;
  const todayKey = dayKey(today);
  const weeks: GridDay[][] = [];
  for (let i = 0; i < cells; i++) {
    const date = new Date(year, month, 1 - offset + i);
    if (i % 7 === 0) weeks.push([]);
    weeks[weeks.length - 1].push({ key: dayKey(date), date, inMonth: date.getMonth() === month, today: dayKey(date) === todayKey });
  }
  return weeks;
}

/** The instants bounding a grid (first cell's midnight to the end of the last cell), for the API. */
export function gridRange(weeks: GridDay[][]): { from: Date; to: Date } {
  const first = weeks[0][0].date;
  const last = weeks[weeks.length - 1][6].date;
  return {
    from: new Date(first.getFullYear(), first.getMonth(), first.getDate()),
    to: new Date(last.getFullYear(), last.getMonth(), last.getDate(), 23, 59, 59, 999),
  };
}

/** Groups tasks by the local day of their due date. */
export function byDay<T extends { dueDate: string | null }>(tasks: readonly T[]): Map<string, T[]> {
  const map = new Map<string, T[]>();
  for (const task of tasks) {
    if (!task.dueDate) continue;
    const key = dayKey(new Date(task.dueDate));
    const list = map.get(key);
    if (list) list.push(task);
    else map.set(key, [task]);
  }
  return map;
}
