import type { TaskProps } from './task.entity';
import type { FilterDate, TaskFilterExpression } from './task-filter';
import { TASK_PRIORITIES, type TaskPriority, priorityRank } from './task-priority';
import { TASK_STATUSES, type TaskStatus } from './task-status';

/*
 * A filter expression with its dates resolved against the clock and its operators reduced to a
 * few shapes every store translates the same way. The logic is two-valued: a comparison with a
 * missing date is false and `!=` is `not =`, so `due != today` holds for a task without a due
 * date and `not` always flips. matchesTaskFilter is the reference the stores are tested against.
 */
export type TaskFilterDateColumn = 'dueDate' | 'createdAt' | 'updatedAt' | 'completedAt';

export type TaskFilterCondition =
  | { readonly kind: 'and' | 'or'; readonly operands: readonly TaskFilterCondition[] }
  | { readonly kind: 'not'; readonly operand: TaskFilterCondition }
  /** Exact, case-sensitive. */
  | { readonly kind: 'equals'; readonly field: 'title' | 'description'; readonly value: string }
  /** Substring, case-insensitive: `value` is already lower-cased (String#toLowerCase). */
  | { readonly kind: 'contains'; readonly field: 'title' | 'description'; readonly value: string }
  | { readonly kind: 'status'; readonly values: readonly TaskStatus[] }
  | { readonly kind: 'priority'; readonly values: readonly TaskPriority[] }
  | { readonly kind: 'tag'; readonly value: string }
  | { readonly kind: 'untagged' }
  /** Set and within [from, to): at least one bound is present. */
  | { readonly kind: 'range'; readonly field: TaskFilterDateColumn; readonly from?: Date; readonly to?: Date }
  | { readonly kind: 'missing'; readonly field: 'dueDate' | 'completedAt' };

const DAY_MS = 86_400_000;

const DATE_COLUMN = { due: 'dueDate', created: 'createdAt', updated: 'updatedAt', completed: 'completedAt' } as const;

/** The interval [lo, hi) a date operand stands for at `now`. */
function interval(value: FilterDate, now: Date): [number, number] {
  switch (value.kind) {
    case 'instant':
      return [value.at.getTime(), value.at.getTime() + 1];
    case 'day':
      return [value.start.getTime(), value.start.getTime() + DAY_MS];
    case 'relative': {
      if (value.base === 'now') return [now.getTime() + value.offsetMs, now.getTime() + value.offsetMs + 1];
      const today = Math.floor(now.getTime() / DAY_MS) * DAY_MS; // UTC midnight
      return [today + value.offsetMs, today + value.offsetMs + DAY_MS];
    }
  }
}

const not = (operand: TaskFilterCondition): TaskFilterCondition => ({ kind: 'not', operand });

/** Resolves relative dates at `now` and reduces every operator to the condition shapes. */
export function resolveTaskFilter(expression: TaskFilterExpression, now: Date): TaskFilterCondition {
  const e = expression;
  switch (e.kind) {
    case 'and':
    case 'or':
      return { kind: e.kind, operands: e.operands.map((operand) => resolveTaskFilter(operand, now)) };
    case 'not':
      return not(resolveTaskFilter(e.operand, now));
    case 'text': {
      const match: TaskFilterCondition =
        e.op === '=' || e.op === '!='
          ? { kind: 'equals', field: e.field, value: e.value }
          : { kind: 'contains', field: e.field, value: e.value.toLowerCase() };
      return e.op.startsWith('!') ? not(match) : match;
    }
    case 'status':
      return { kind: 'status', values: TASK_STATUSES.filter((s) => (s === e.value) === (e.op === '=')) };
    case 'priority': {
      const rank = priorityRank(e.value);
      return { kind: 'priority', values: TASK_PRIORITIES.filter((p) => compareRanks(priorityRank(p), e.op, rank)) };
    }
    case 'tag':
      return e.op === '=' ? { kind: 'tag', value: e.value } : not({ kind: 'tag', value: e.value });
    case 'null': {
      const empty: TaskFilterCondition = e.field === 'tag' ? { kind: 'untagged' } : { kind: 'missing', field: DATE_COLUMN[e.field] };
      return e.negated ? not(empty) : empty;
    }
    case 'date': {
      const field = DATE_COLUMN[e.field];
      const [lo, hi] = interval(e.value, now);
      switch (e.op) {
        case '<':
          return { kind: 'range', field, to: new Date(lo) };
        case '<=':
          return { kind: 'range', field, to: new Date(hi) };
        case '>':
          return { kind: 'range', field, from: new Date(hi) };
        case '>=':
          return { kind: 'range', field, from: new Date(lo) };
        case '=':
          return { kind: 'range', field, from: new Date(lo), to: new Date(hi) };
        case '!=':
          return not({ kind: 'range', field, from: new Date(lo), to: new Date(hi) });
      }
    }
  }
}

function compareRanks(a: number, op: string, b: number): boolean {
  switch (op) {
    case '<':
      return a < b;
    case '<=':
      return a <= b;
    case '>':
      return a > b;
    case '>=':
      return a >= b;
    case '!=':
      return a !== b;
    default:
      return a === b;
  }
}

/** Whether a condition holds text fields, which a store holding sealed text cannot match. */
export function filterReadsText(condition: TaskFilterCondition): boolean {
  switch (condition.kind) {
    case 'and':
    case 'or':
      return condition.operands.some(filterReadsText);
    case 'not':
      return filterReadsText(condition.operand);
    case 'equals':
    case 'contains':
      return true;
    default:
      return false;
  }
}

/** The reference semantics of a condition over one task (in-memory store, decrypt-and-filter). */
export function matchesTaskFilter(condition: TaskFilterCondition, task: Readonly<TaskProps>): boolean {
  const c = condition;
  switch (c.kind) {
    case 'and':
      return c.operands.every((operand) => matchesTaskFilter(operand, task));
    case 'or':
      return c.operands.some((operand) => matchesTaskFilter(operand, task));
    case 'not':
      return !matchesTaskFilter(c.operand, task);
    case 'equals':
      return task[c.field] === c.value;
    case 'contains':
      return task[c.field].toLowerCase().includes(c.value);
    case 'status':
      return c.values.includes(task.status);
    case 'priority':
      return c.values.includes(task.priority);
    case 'tag':
      return task.tags.includes(c.value);
    case 'untagged':
      return task.tags.length === 0;
    case 'missing':
      return task[c.field] === null;
    case 'range': {
      const at = task[c.field]?.getTime();
      if (at === undefined) return false;
      return (c.from === undefined || at >= c.from.getTime()) && (c.to === undefined || at < c.to.getTime());
    }
  }
}
