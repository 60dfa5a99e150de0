import { TaskFilterInvalidError } from './task.errors';
import { TASK_PRIORITIES, type TaskPriority } from './task-priority';
import { TASK_STATUSES, type TaskStatus } from './task-status';

/*
 * The task filter language (`GET /tasks?filter=…`) as the domain knows it. A parser (the HTTP
 * adapter's, on a parser library) turns the text into the untyped syntax tree below, every leaf
 * with its offset; checkTaskFilter gives it types — known fields, operators that fit each
 * field, values of the field's type — or a TaskFilterInvalidError at the offending offset.
 */

/** A word of the source and where it starts (0-based offset into the filter text). */
export interface FilterToken {
  readonly text: string;
  readonly offset: number;
}

export type FilterTimeUnit = 'h' | 'd' | 'w';

export type FilterValueSyntax =
  | { readonly kind: 'string'; readonly value: string; readonly offset: number }
  | { readonly kind: 'word'; readonly value: string; readonly offset: number }
  | { readonly kind: 'date'; readonly value: string; readonly offset: number }
  | {
      readonly kind: 'relative';
      readonly base: 'now' | 'today';
      /** Signed, in `unit`s: `now - 2w` is -2 w; plain `now` is 0. */
      readonly amount: number;
      readonly unit: FilterTimeUnit;
      readonly offset: number;
    };

export type TaskFilterSyntax =
  | { readonly kind: 'and' | 'or'; readonly operands: readonly TaskFilterSyntax[] }
  | { readonly kind: 'not'; readonly operand: TaskFilterSyntax }
  | { readonly kind: 'compare'; readonly field: FilterToken; readonly op: FilterToken; readonly value: FilterValueSyntax }
  | { readonly kind: 'null'; readonly field: FilterToken; readonly negated: boolean };

export const FILTER_OPERATORS = ['=', '!=', '<', '<=', '>', '>=', '~', '!~'] as const;
export type FilterOperator = (typeof FILTER_OPERATORS)[number];
export type EqualityOperator = '=' | '!=';
export type OrderedOperator = '=' | '!=' | '<' | '<=' | '>' | '>=';
export type TextOperator = '=' | '!=' | '~' | '!~';

export type TaskFilterTextField = 'title' | 'description';
export type TaskFilterDateField = 'due' | 'created' | 'updated' | 'completed';

/** Every field, its type, and (for `is null`) whether it can be empty. */
export const TASK_FILTER_FIELDS = {
  title: { type: 'text', nullable: false },
  description: { type: 'text', nullable: false },
  status: { type: 'status', nullable: false },
  priority: { type: 'priority', nullable: false },
  tag: { type: 'tag', nullable: true },
  due: { type: 'date', nullable: true },
  created: { type: 'date', nullable: false },
  updated: { type: 'date', nullable: false },
  completed: { type: 'date', nullable: true },
} as const;
export type TaskFilterField = keyof typeof TASK_FILTER_FIELDS;
type FieldType = (typeof TASK_FILTER_FIELDS)[TaskFilterField]['type'];

const OPERATORS_OF: Record<FieldType, readonly FilterOperator[]> = {
  text: ['=', '!=', '~', '!~'],
  status: ['=', '!='],
  tag: ['=', '!='],
  priority: ['=', '!=', '<', '<=', '>', '>='],
  date: ['=', '!=', '<', '<=', '>', '>='],
};

/**
 * A date operand. A calendar day (`2026-12-01`, `today`, `today + 1d`) is the whole UTC day, so
 * `due = 2026-12-01` means "due that day" and `due <= today` includes all of today; an instant
 * (`2026-12-01T09:00Z`, `now`, `now + 3d`) is one millisecond. Relative ones are resolved
 * against the clock when the list is read (resolveTaskFilter).
 */
export type FilterDate =
  | { readonly kind: 'instant'; readonly at: Date }
  | { readonly kind: 'day'; readonly start: Date }
  | { readonly kind: 'relative'; readonly base: 'now' | 'today'; readonly offsetMs: number };

/** The typed expression: what the list criteria carry and each store translates. */
export type TaskFilterExpression =
  | { readonly kind: 'and' | 'or'; readonly operands: readonly TaskFilterExpression[] }
  | { readonly kind: 'not'; readonly operand: TaskFilterExpression }
  | { readonly kind: 'text'; readonly field: TaskFilterTextField; readonly op: TextOperator; readonly value: string }
  | { readonly kind: 'status'; readonly op: EqualityOperator; readonly value: TaskStatus }
  | { readonly kind: 'priority'; readonly op: OrderedOperator; readonly value: TaskPriority }
  | { readonly kind: 'tag'; readonly op: EqualityOperator; readonly value: string }
  | { readonly kind: 'date'; readonly field: TaskFilterDateField; readonly op: OrderedOperator; readonly value: FilterDate }
  | { readonly kind: 'null'; readonly field: 'tag' | 'due' | 'completed'; readonly negated: boolean };

export const TASK_FILTER_LIMITS = { maxLength: 1000, maxDepth: 32 } as const;

const UNIT_MS: Record<FilterTimeUnit, number> = { h: 3_600_000, d: 86_400_000, w: 7 * 86_400_000 };

/** Gives the syntax tree its types; throws TaskFilterInvalidError naming the offset and what fits there. */
export function checkTaskFilter(source: string, syntax: TaskFilterSyntax): TaskFilterExpression {
  const fail = (offset: number, expected: readonly string[], message: string): never => {
    throw TaskFilterInvalidError.at(source, offset, expected, message);
  };

  const check = (node: TaskFilterSyntax, depth: number): TaskFilterExpression => {
    if (depth > TASK_FILTER_LIMITS.maxDepth) fail(0, [], `The filter nests deeper than ${TASK_FILTER_LIMITS.maxDepth} levels.`);
    switch (node.kind) {
      case 'and':
      case 'or':
        return { kind: node.kind, operands: node.operands.map((operand) => check(operand, depth + 1)) };
      case 'not':
        return { kind: 'not', operand: check(node.operand, depth + 1) };
      case 'null':
        return checkNull(node);
      case 'compare':
        return checkCompare(node);
    }
  };

  const fieldOf = (token: FilterToken): TaskFilterField => {
    if (!Object.hasOwn(TASK_FILTER_FIELDS, token.text)) {
      fail(token.offset, Object.keys(TASK_FILTER_FIELDS), `Unknown field "${token.text}".`);
    }
    return token.text as TaskFilterField;
  };

  const checkNull = (node: Extract<TaskFilterSyntax, { kind: 'null' }>): TaskFilterExpression => {
    const field = fieldOf(node.field);
    if (field !== 'tag' && field !== 'due' && field !== 'completed') {
      return fail(node.field.offset, ['due', 'completed', 'tag'], `"${field}" is never empty; "is null" fits due, completed and tag.`);
    }
    return { kind: 'null', field, negated: node.negated };
  };

  const checkCompare = ({ field: token, op: opToken, value }: Extract<TaskFilterSyntax, { kind: 'compare' }>): TaskFilterExpression => {
    const field = fieldOf(token);
    const type = TASK_FILTER_FIELDS[field].type;
    const allowed = OPERATORS_OF[type];
    if (!allowed.includes(opToken.text as FilterOperator)) {
      fail(opToken.offset, allowed, `"${opToken.text}" does not fit ${field}; use one of ${allowed.join(' ')}.`);
    }
    const op = opToken.text as FilterOperator;
    switch (type) {
      case 'text':
        return { kind: 'text', field: field as TaskFilterTextField, op: op as TextOperator, value: textOf(value, field) };
      case 'tag':
        return { kind: 'tag', op: op as EqualityOperator, value: textOf(value, field).trim().toLowerCase() };
      case 'status':
        return { kind: 'status', op: op as EqualityOperator, value: oneOf(value, TASK_STATUSES, field) };
      case 'priority':
        return { kind: 'priority', op: op as OrderedOperator, value: oneOf(value, TASK_PRIORITIES, field) };
      case 'date':
        return { kind: 'date', field: field as TaskFilterDateField, op: op as OrderedOperator, value: dateOf(value, field) };
    }
  };

  const textOf = (value: FilterValueSyntax, field: string): string => {
    if (value.kind === 'string' || value.kind === 'word') return value.value;
    return fail(value.offset, ['a quoted string'], `${field} takes text; quote it ("…") to compare with a date or a keyword.`);
  };

  const oneOf = <T extends string>(value: FilterValueSyntax, allowed: readonly T[], field: string): T => {
    const text = value.kind === 'string' || value.kind === 'word' ? value.value : '';
    if (!allowed.includes(text as T)) fail(value.offset, allowed, `${field} is one of ${allowed.join(', ')}.`);
    return text as T;
  };

  const dateOf = (value: FilterValueSyntax, field: string): FilterDate => {
    if (value.kind === 'relative') {
      return { kind: 'relative', base: value.base, offsetMs: value.amount * UNIT_MS[value.unit] };
    }
    const parsed = value.kind === 'date' ? parseIsoDate(value.value) : null;
    if (!parsed) {
      return fail(value.offset, ['YYYY-MM-DD', 'YYYY-MM-DDThh:mm[:ss[.sss]][Z|±hh:mm]', 'now', 'today'], `${field} takes a date.`);
    }
    return parsed;
  };

  return check(syntax, 0);
}

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})(?:T(\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,3}))?)?(Z|[+-]\d{2}:\d{2})?)?$/;

/** A calendar day or an instant (UTC when no offset is written); null when the date does not exist. */
export function parseIsoDate(text: string): FilterDate | null {
  const m = ISO_DATE.exec(text);
  if (!m) return null;
  const [, y, mo, d, h, mi, s = '0', ms = '0', zone] = m;
  const day = Date.UTC(+y, +mo - 1, +d);
  const back = new Date(day);
  if (back.getUTCFullYear() !== +y || back.getUTCMonth() !== +mo - 1 || back.getUTCDate() !== +d) return null;
  if (h === undefined) return { kind: 'day', start: back };
  if (+h > 23 || +mi > 59 || +s > 59) return null;
  let at = day + +h * 3_600_000 + +mi * 60_000 + +s * 1000 + +ms.padEnd(3, '0');
  if (zone && zone !== 'Z') {
    const sign = zone.startsWith('-') ? -1 : 1;
    at -= sign * (+zone.slice(1, 3) * 3_600_000 + +zone.slice(4, 6) * 60_000);
  }
  return { kind: 'instant', at: new Date(at) };
}
