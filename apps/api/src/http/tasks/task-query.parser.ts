import { isTimeZone, TASK_LIMITS, TASK_PAGE_LIMIT, TASK_PRIORITIES, TASK_STATUSES, TASK_TIMELINE_DAYS } from '@primetrade/domain';
import { isPlainQuery } from '../problem/fast-parse';
import { parseTaskFilter } from './filter/task-filter.parser';

/*
 * The hot query strings, parsed by hand for what ValidationPipe (class-transformer + class-validator)
 * would accept and produce; `undefined` for anything else, which then takes the pipe's usual road.
 * task-query.parser.spec.ts holds both roads to the same result over generated inputs.
 */

export const SORTS = ['createdAt', 'updatedAt', 'dueDate', 'priority'] as const;
export const ORDERS = ['asc', 'desc'] as const;

/** `status=todo&status=done` and `status=todo,done` both mean a list. */
export const toList = ({ value }: { value: unknown }) =>
  (Array.isArray(value) ? value : [value])
    .flatMap((v) => (typeof v === 'string' ? v.split(',') : [v]))
    .map((v) => (typeof v === 'string' ? v.trim() : v))
    .filter((v) => v !== '');

/** ISO 8601 strings only; anything else stays as-is and fails @IsDate. */
export const toDate = ({ value }: { value: unknown }) => {
  if (value === null || value === undefined) return value;
  if (typeof value !== 'string' || !/^\d{4}-\d{2}-\d{2}([T ][\d:.]+(Z|[+-]\d{2}:?\d{2})?)?$/.test(value)) return value;
  const date = new Date(value);
  return Number.isNaN(date.getTime()) ? value : date;
};

type Query = Record<string, string | string[]>;

/** No surrogate pairs: validator.js counts a pair as one character, String#length as two. */
const SIMPLE_TEXT = /^[^\uD800-\uDFFF]*$/;
export const text = (v: unknown, min: number, max: number): v is string =>
  typeof v === 'string' && v.length >= min && v.length <= max && SIMPLE_TEXT.test(v);
export const oneOf = <T extends string>(v: unknown, allowed: readonly T[]): v is T => typeof v === 'string' && allowed.includes(v as T);

/** class-transformer's @Type(() => Number) on a query value, then IsInt, Min, Max. */
function integer(v: unknown, min: number, max: number): number | undefined {
  if (typeof v !== 'string') return undefined;
  const n = Number(v);
  return Number.isInteger(n) && n >= min && n <= max ? n : undefined;
}

function list<T extends string>(v: unknown, allowed: readonly T[]): T[] | undefined {
  if (typeof v !== 'string' && !(Array.isArray(v) && v.every((x) => typeof x === 'string'))) return undefined;
  const values = toList({ value: v }) as string[];
  return values.every((x) => allowed.includes(x as T)) ? (values as T[]) : undefined;
}

export function parseListTasksQuery(value: unknown): Record<string, unknown> | undefined {
  if (!isPlainQuery(value)) return undefined;
  const out: Record<string, unknown> = {};
  for (const [key, v] of Object.entries(value as Query)) {
    let parsed: unknown;
    switch (key) {
      case 'status':
        parsed = list(v, TASK_STATUSES);
        break;
      case 'priority':
        parsed = list(v, TASK_PRIORITIES);
        break;
      case 'tag':
        parsed = text(v, 1, TASK_LIMITS.tagMax) ? v : undefined;
        break;
      case 'dueBefore':
      case 'dueAfter': {
        const date = typeof v === 'string' ? toDate({ value: v }) : undefined;
        parsed = date instanceof Date ? date : undefined;
        break;
      }
      case 'overdue':
      case 'archived':
        parsed = v === 'true' ? true : v === 'false' ? false : undefined;
        break;
      case 'q':
        parsed = text(v, 0, 200) ? v : undefined;
        break;
      case 'filter':
        // Parsed on both roads by the same function (it throws TASK.FILTER_INVALID); blank is no filter.
        if (typeof v !== 'string') return undefined;
        if (v.trim() === '') continue;
        parsed = parseTaskFilter(v);
        break;
      case 'sort':
        parsed = oneOf(v, SORTS) ? v : undefined;
        break;
      case 'order':
        parsed = oneOf(v, ORDERS) ? v : undefined;
        break;
      case 'limit':
        parsed = integer(v, 1, TASK_PAGE_LIMIT.max);
        break;
      case 'cursor':
        parsed = text(v, 0, 512) ? v : undefined;
        break;
      default:
        return undefined; // unknown field: the pipe refuses it
    }
    if (parsed === undefined) return undefined;
    out[key] = parsed;
  }
  return out;
}

export function parseTaskTimelineQuery(value: unknown): Record<string, unknown> | undefined {
  if (!isPlainQuery(value)) return undefined;
  const out: Record<string, unknown> = {};
  for (const [key, v] of Object.entries(value as Query)) {
    let parsed: unknown;
    if (key === 'days') parsed = integer(v, TASK_TIMELINE_DAYS.min, TASK_TIMELINE_DAYS.max);
    else if (key === 'tz')
      parsed = text(v, 0, 64) && isTimeZone(v) ? v : undefined; // as IsString, MaxLength, IsTimeZone
    else return undefined;
    if (parsed === undefined) return undefined;
    out[key] = parsed;
  }
  return out;
}
