import { Task } from './task.entity';
import { matchesTaskFilter, resolveTaskFilter } from './task-filter-condition';
import type { FilterDate, OrderedOperator, TaskFilterExpression } from './task-filter';

const NOW = new Date('2026-06-15T12:00:00.000Z');
const day = (iso: string): FilterDate => ({ kind: 'day', start: new Date(`${iso}T00:00:00Z`) });

function task(dueDate: string | null, extra: Partial<Parameters<typeof Task.create>[0]> = {}) {
  return Task.create({
    id: 't',
    ownerId: 'o',
    title: 'Weekly Report',
    now: NOW,
    dueDate: dueDate ? new Date(dueDate) : null,
    ...extra,
  }).toProps();
}

const matches = (expression: TaskFilterExpression, t = task(null)) => matchesTaskFilter(resolveTaskFilter(expression, NOW), t);
const due = (op: OrderedOperator, value: FilterDate): TaskFilterExpression => ({ kind: 'date', field: 'due', op, value });

describe('filter conditions (the reference semantics)', () => {
  it('reads a calendar day as the whole UTC day', () => {
    const late = task('2026-12-01T23:59:59.999Z');
    expect(matches(due('=', day('2026-12-01')), late)).toBe(true);
    expect(matches(due('<=', day('2026-12-01')), late)).toBe(true);
    expect(matches(due('<', day('2026-12-01')), late)).toBe(false);
    expect(matches(due('>', day('2026-11-30')), late)).toBe(true);
    expect(matches(due('>', day('2026-12-01')), late)).toBe(false);
  });

  it('resolves now and today against the clock (today is the UTC day of now)', () => {
    const soon = task('2026-06-17T09:00:00Z');
    expect(matches(due('<', { kind: 'relative', base: 'now', offsetMs: 3 * 86_400_000 }), soon)).toBe(true);
    expect(matches(due('<', { kind: 'relative', base: 'now', offsetMs: 86_400_000 }), soon)).toBe(false);
    expect(matches(due('=', { kind: 'relative', base: 'today', offsetMs: 2 * 86_400_000 }), soon)).toBe(true);
  });

  it('is two-valued: comparisons with a missing date are false, != and not are true', () => {
    const undated = task(null);
    expect(matches(due('<', day('2026-12-01')), undated)).toBe(false);
    expect(matches(due('>=', day('2026-12-01')), undated)).toBe(false);
    expect(matches(due('!=', day('2026-12-01')), undated)).toBe(true);
    expect(matches({ kind: 'not', operand: due('<', day('2026-12-01')) }, undated)).toBe(true);
    expect(matches({ kind: 'null', field: 'due', negated: false }, undated)).toBe(true);
  });

  it('orders priorities low < medium < high < urgent and folds case for ~ only', () => {
    const high = task(null, { priority: 'high' });
    expect(matches({ kind: 'priority', op: '>=', value: 'high' }, high)).toBe(true);
    expect(matches({ kind: 'priority', op: '>', value: 'high' }, high)).toBe(false);
    expect(matches({ kind: 'text', field: 'title', op: '~', value: 'REPORT' })).toBe(true);
    expect(matches({ kind: 'text', field: 'title', op: '=', value: 'weekly report' })).toBe(false);
    expect(matches({ kind: 'text', field: 'title', op: '!~', value: 'report' })).toBe(false);
  });

  it('treats an empty and as true and an empty or as false', () => {
    expect(matches({ kind: 'and', operands: [] })).toBe(true);
    expect(matches({ kind: 'or', operands: [] })).toBe(false);
  });
});
