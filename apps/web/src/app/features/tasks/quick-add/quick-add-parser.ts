import { casual } from 'chrono-node/en';
import { NewTask, TaskPriority } from '../../../core/api/task.types';
import { formatDue } from '../data/due';

/** A part of the quick-add text that was understood; removing it keeps its words in the title. */
export interface QuickAddChip {
  /** Stable within one text: `due`, `priority`, `tag:<name>`. */
  id: string;
  kind: 'due' | 'priority' | 'tag';
  /** What the chip shows, e.g. "Tue 1 Dec, 09:00", "High", "#home". */
  label: string;
  /** The words in the input it came from. */
  source: string;
}

export interface QuickAddResult {
  title: string;
  dueDate: Date | null;
  priority: TaskPriority | null;
  tags: string[];
  chips: QuickAddChip[];
}

export interface QuickAddOptions {
  /** "Now" for relative dates (tomorrow, friday); defaults to the current time. */
  now?: Date;
  /** Chip ids the user removed: their words stay in the title. */
  ignore?: ReadonlySet<string>;
  /** The day a date-less task falls on (the calendar's selected day); time as below. */
  defaultDay?: Date | null;
}

/** A date without a time of day ("tomorrow", "friday") is due at this local hour. */
export const DEFAULT_DUE_HOUR = 9;

const PRIORITY_WORDS: Record<string, TaskPriority> = {
  low: 'low',
  l: 'low',
  '4': 'low',
  medium: 'medium',
  med: 'medium',
  m: 'medium',
  '3': 'medium',
  high: 'high',
  h: 'high',
  '2': 'high',
  urgent: 'urgent',
  u: 'urgent',
  '1': 'urgent',
};

const PRIORITY_LABEL: Record<TaskPriority, string> = { low: 'Low', medium: 'Medium', high: 'High', urgent: 'Urgent' };

// `!high`, `!1` … and `#tag` as whole words (the API allows tags of up to 32 characters).
const PRIORITY_RE = /(^|\s)!(low|l|medium|med|m|high|h|urgent|u|[1-4])(?=\s|$)/gi;
const TAG_RE = /(^|\s)#([\p{L}\p{N}_-]{1,32})(?=\s|$)/gu;

/**
 * Reads `Pay rent tomorrow 9am !high #home` as title "Pay rent", due tomorrow 09:00 local time,
 * priority high, tag "home". Dates are read by chrono-node in the browser's time zone, forward
 * from now ("friday" is the coming one). What is not understood stays the title.
 */
export function parseQuickAdd(text: string, options: QuickAddOptions = {}): QuickAddResult {
  const now = options.now ?? new Date();
  const ignore = options.ignore ?? new Set<string>();
  const chips: QuickAddChip[] = [];
  // Spans of the text that were consumed, blanked out of the title at the end.
  const used: [number, number][] = [];

  let priority: TaskPriority | null = null;
  for (const m of text.matchAll(PRIORITY_RE)) {
    const start = m.index + m[1].length;
    const value = PRIORITY_WORDS[m[2].toLowerCase()];
    // The last one wins, as typed; earlier ones stay visible in the title so nothing is lost silently.
    if (ignore.has('priority')) continue;
    if (priority) {
      const prev = chips.findIndex((c) => c.id === 'priority');
      chips.splice(prev, 1);
      used.pop();
    }
    priority = value;
    chips.push({ id: 'priority', kind: 'priority', label: PRIORITY_LABEL[value], source: m[0].trim() });
    used.push([start, start + m[0].length - m[1].length]);
  }

  const tags: string[] = [];
  for (const m of text.matchAll(TAG_RE)) {
    const tag = m[2].toLowerCase();
    const id = `tag:${tag}`;
    if (ignore.has(id)) continue;
    const start = m.index + m[1].length;
    used.push([start, start + m[0].length - m[1].length]);
    if (tags.includes(tag)) continue;
    tags.push(tag);
    chips.push({ id, kind: 'tag', label: `#${tag}`, source: m[0].trim() });
  }

  let dueDate: Date | null = null;
  if (!ignore.has('due')) {
    // Dates are looked for in what is left, so "#2024" or "!1" are never read as dates.
    const rest = blank(text, used);
    const found = casual.parse(rest, now, { forwardDate: true }).find((r) => !isBareNumber(r.text));
    if (found) {
      const date = found.start.date();
      const dayNamed = found.start.isCertain('day') || found.start.isCertain('weekday') || found.start.isCertain('month');
      // Only a time ("3pm") on the calendar's chosen day means that day, not today.
      if (!dayNamed && options.defaultDay)
        date.setFullYear(options.defaultDay.getFullYear(), options.defaultDay.getMonth(), options.defaultDay.getDate());
      if (!found.start.isCertain('hour')) date.setHours(DEFAULT_DUE_HOUR, 0, 0, 0);
      dueDate = date;
      used.push([found.index, found.index + found.text.length]);
      chips.push({ id: 'due', kind: 'due', label: formatDue(date, now), source: found.text });
    }
  }
  if (!dueDate && options.defaultDay) {
    const day = new Date(options.defaultDay);
    day.setHours(DEFAULT_DUE_HOUR, 0, 0, 0);
    dueDate = day;
  }

  const title = blank(text, used).replace(/\s+/g, ' ').trim();
  // Chips in the order their words appear, so the row reads like the sentence.
  chips.sort((a, b) => text.indexOf(a.source) - text.indexOf(b.source));
  return { title, dueDate, priority, tags, chips };
}

/** The API request for a parsed quick add (medium priority unless one was given). */
export function toNewTask(result: QuickAddResult): NewTask {
  const task: NewTask = { title: result.title, priority: result.priority ?? 'medium', tags: result.tags };
  if (result.dueDate) task.dueDate = result.dueDate.toISOString();
  return task;
}

/** The text with the given spans replaced by spaces (same length, so indexes stay valid). */
function blank(text: string, spans: [number, number][]): string {
  let out = text;
  for (const [s, e] of spans) out = out.slice(0, s) + ' '.repeat(e - s) + out.slice(e);
  return out;
}

// chrono reads a lone "3" or "12" as a day of the month; in a task title it is nearly always a count.
function isBareNumber(text: string): boolean {
  return /^\d{1,4}$/.test(text.trim());
}
