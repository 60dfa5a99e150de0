import { type FilterDate, type TaskFilterExpression, TaskFilterInvalidError } from '@primetrade/domain';
import { filterExpressionArbitrary } from '@primetrade/testing';
import fc from 'fast-check';
import { parseTaskFilter } from './task-filter.parser';

/** Writes an expression back as text, every composite operand parenthesised. */
function print(e: TaskFilterExpression): string {
  const quote = (s: string) => `"${s.replaceAll('\\', '\\\\').replaceAll('"', '\\"')}"`;
  switch (e.kind) {
    case 'and':
    case 'or':
      return e.operands.map((o) => `(${print(o)})`).join(` ${e.kind} `);
    case 'not':
      return `not (${print(e.operand)})`;
    case 'text':
      return `${e.field} ${e.op} ${quote(e.value)}`;
    case 'status':
    case 'priority':
      return `${e.kind} ${e.op} ${e.value}`;
    case 'tag':
      return `tag ${e.op} ${quote(e.value)}`;
    case 'null':
      return `${e.field} is ${e.negated ? 'not ' : ''}null`;
    case 'date':
      return `${e.field} ${e.op} ${printDate(e.value)}`;
  }
}

function printDate(d: FilterDate): string {
  if (d.kind === 'instant') return d.at.toISOString();
  if (d.kind === 'day') return d.start.toISOString().slice(0, 10);
  const hours = d.offsetMs / 3_600_000;
  return hours === 0 ? d.base : `${d.base} ${hours < 0 ? '-' : '+'} ${Math.abs(hours)}h`;
}

/** Nested and/and (or/or) flattened and single operands unwrapped: the parser reads `(a and b) and c` as one and. */
function normalize(e: TaskFilterExpression): TaskFilterExpression {
  if (e.kind === 'not') return { kind: 'not', operand: normalize(e.operand) };
  if (e.kind !== 'and' && e.kind !== 'or') return e;
  const operands = e.operands.map(normalize).flatMap((o) => (o.kind === e.kind ? o.operands : [o]));
  return operands.length === 1 ? operands[0] : { kind: e.kind, operands };
}

function failure(text: string): TaskFilterInvalidError {
  try {
    parseTaskFilter(text);
  } catch (error) {
    if (error instanceof TaskFilterInvalidError) return error;
    throw error;
  }
  throw new Error(`"${text}" parsed`);
}

describe('parseTaskFilter (ohm-js grammar + domain check)', () => {
  it('reads the documented example into a typed expression', () => {
    expect(parseTaskFilter('priority >= high and (tag = Work or due < 2026-12-01) and status != completed and title ~ "report"')).toEqual({
      kind: 'and',
      operands: [
        { kind: 'priority', op: '>=', value: 'high' },
        {
          kind: 'or',
          operands: [
            { kind: 'tag', op: '=', value: 'work' },
            { kind: 'date', field: 'due', op: '<', value: { kind: 'day', start: new Date('2026-12-01T00:00:00Z') } },
          ],
        },
        { kind: 'status', op: '!=', value: 'completed' },
        { kind: 'text', field: 'title', op: '~', value: 'report' },
      ],
    });
  });

  it('gives and precedence over or, and not over both; keywords in any case', () => {
    expect(parseTaskFilter('tag = a OR tag = b AND NOT tag = c')).toEqual({
      kind: 'or',
      operands: [
        { kind: 'tag', op: '=', value: 'a' },
        {
          kind: 'and',
          operands: [
            { kind: 'tag', op: '=', value: 'b' },
            { kind: 'not', operand: { kind: 'tag', op: '=', value: 'c' } },
          ],
        },
      ],
    });
  });

  it('reads relative dates, instants with offsets, is (not) null and escaped quotes', () => {
    expect(parseTaskFilter('due < now + 3d')).toEqual({
      kind: 'date',
      field: 'due',
      op: '<',
      value: { kind: 'relative', base: 'now', offsetMs: 3 * 86_400_000 },
    });
    expect(parseTaskFilter('created >= today - 2w')).toMatchObject({
      value: { kind: 'relative', base: 'today', offsetMs: -14 * 86_400_000 },
    });
    expect(parseTaskFilter('updated > 2026-01-01T10:00+02:00')).toMatchObject({
      value: { kind: 'instant', at: new Date('2026-01-01T08:00:00Z') },
    });
    expect(parseTaskFilter('completed is not null')).toEqual({ kind: 'null', field: 'completed', negated: true });
    expect(parseTaskFilter('title = "say \\"hi\\" \\\\ bye"')).toMatchObject({ value: 'say "hi" \\ bye' });
    expect(parseTaskFilter('tag = order')).toEqual({ kind: 'tag', op: '=', value: 'order' }); // "or" at a word's start is not the keyword
  });

  it('reads back whatever it is given in print form (round trip over generated expressions)', () => {
    fc.assert(
      fc.property(filterExpressionArbitrary(1), (expression) => {
        expect(parseTaskFilter(print(expression))).toEqual(normalize(expression));
      }),
      { numRuns: 300 },
    );
  });

  it('names the offset, line, column and what was expected where the syntax breaks', () => {
    const error = failure('priority >= high and (tag = work or due <');
    expect(error.code).toBe('TASK.FILTER_INVALID');
    expect(error.extensions).toEqual({ position: 41, line: 1, column: 42, expected: expect.arrayContaining(['a date', '"now"']) });
    expect(failure('status = todo\n  and (tag = a').extensions).toMatchObject({ position: 28, line: 2, column: 15, expected: ['")"'] });
    expect(failure('status = todo tag = a').extensions).toMatchObject({ position: 14 });
    expect(failure('').extensions).toMatchObject({ position: 0, expected: expect.arrayContaining(['a field name']) });
  });

  it('names the field, operator or value that does not type-check', () => {
    expect(failure('size > 3').extensions).toMatchObject({ position: 0, expected: expect.arrayContaining(['title', 'due']) });
    expect(failure('status < todo').extensions).toMatchObject({ position: 7, expected: ['=', '!='] });
    expect(failure('priority = huge').extensions).toMatchObject({ position: 11, expected: ['low', 'medium', 'high', 'urgent'] });
    expect(failure('due = 2026-02-30').extensions).toMatchObject({ position: 6 });
    expect(failure('title is null').extensions).toMatchObject({ position: 0, expected: ['due', 'completed', 'tag'] });
    expect(failure('title ~ today').extensions).toMatchObject({ position: 8 });
  });

  it('refuses overlong and too deeply nested filters without recursing', () => {
    expect(failure(`title ~ "${'x'.repeat(1000)}"`).extensions).toMatchObject({ position: 1000 });
    expect(failure(`${'('.repeat(40)}tag = a${')'.repeat(40)}`).extensions).toMatchObject({ position: 32 });
  });
});
