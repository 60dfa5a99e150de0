import {
  checkTaskFilter,
  type FilterTimeUnit,
  type FilterValueSyntax,
  TASK_FILTER_LIMITS,
  type TaskFilterExpression,
  TaskFilterInvalidError,
  type TaskFilterSyntax,
} from '@primetrade/domain';
import type { Node } from 'ohm-js';
import { TASK_FILTER_GRAMMAR } from './task-filter.grammar';

const semantics = TASK_FILTER_GRAMMAR.createSemantics();

const token = (node: Node) => ({ text: node.sourceString, offset: node.source.startIdx });

// `syntax` builds the domain's untyped tree; every leaf keeps its offset for error messages.
semantics.addOperation<TaskFilterSyntax | FilterValueSyntax>('syntax', {
  Or_or: (left, _or, right) => join('or', left.syntax() as TaskFilterSyntax, right.syntax() as TaskFilterSyntax),
  And_and: (left, _and, right) => join('and', left.syntax() as TaskFilterSyntax, right.syntax() as TaskFilterSyntax),
  Not_not: (_not, operand) => ({ kind: 'not', operand: operand.syntax() as TaskFilterSyntax }),
  Primary_paren: (_open, inner, _close) => inner.syntax(),
  Primary_notNull: (field, _is, _not, _null) => ({ kind: 'null', field: token(field), negated: true }),
  Primary_null: (field, _is, _null) => ({ kind: 'null', field: token(field), negated: false }),
  Primary_compare: (field, operator, value) => ({
    kind: 'compare',
    field: token(field),
    op: token(operator),
    value: value.syntax() as FilterValueSyntax,
  }),
  Relative(base, offset) {
    const duration = offset.children[0]; // RelativeOffset, when written
    const amount = duration ? Number(duration.children[1].sourceString.slice(0, -1)) : 0;
    const sign = duration?.children[0].sourceString === '-' ? -1 : 1;
    const unit = (duration?.children[1].sourceString.slice(-1) ?? 'd') as FilterTimeUnit;
    const name = base.sourceString.toLowerCase() as 'now' | 'today';
    return { kind: 'relative', base: name, amount: sign * amount, unit, offset: this.source.startIdx };
  },
  Value(inner) {
    if (inner.ctorName !== 'date') return inner.syntax();
    return { kind: 'date', value: inner.sourceString, offset: inner.source.startIdx }; // checked by the domain
  },
  string(_open, chars, _close) {
    const value = chars.children
      .map((c) => (c.children[0].ctorName === 'stringChar_escaped' ? c.sourceString.slice(1) : c.sourceString))
      .join('');
    return { kind: 'string', value, offset: this.source.startIdx };
  },
  word(_chars) {
    return { kind: 'word', value: this.sourceString, offset: this.source.startIdx };
  },
});

/** `a and b and c`, however parenthesised, as one n-ary node rather than a chain. */
function join(kind: 'and' | 'or', left: TaskFilterSyntax, right: TaskFilterSyntax): TaskFilterSyntax {
  const flat = (node: TaskFilterSyntax) => (node.kind === kind ? node.operands : [node]);
  return { kind, operands: [...flat(left), ...flat(right)] };
}

/** ohm's summary (`a value, "(", or "not"`) as a list, without its case notes. */
function expectedList(text: string): string[] {
  return text
    .split(/, or |, | or /)
    .map((item) => item.replace(' (case-insensitive)', '').trim())
    .filter((item, i, all) => item !== '' && all.indexOf(item) === i);
}

/** The first parenthesis nested deeper than the limit, outside strings: refused before the recursive descent can overflow. */
function tooDeep(text: string): number | null {
  let depth = 0;
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted && c === '\\') i++;
    else if (c === '"') quoted = !quoted;
    else if (!quoted && c === '(' && ++depth > TASK_FILTER_LIMITS.maxDepth) return i;
    else if (!quoted && c === ')') depth--;
  }
  return null;
}

/** The text of `?filter=` as a typed expression, or TaskFilterInvalidError at the first thing that does not fit. */
export function parseTaskFilter(text: string): TaskFilterExpression {
  if (text.length > TASK_FILTER_LIMITS.maxLength) {
    throw TaskFilterInvalidError.at(
      text,
      TASK_FILTER_LIMITS.maxLength,
      [],
      `The filter is longer than ${TASK_FILTER_LIMITS.maxLength} characters.`,
    );
  }
  const deep = tooDeep(text);
  if (deep !== null) {
    throw TaskFilterInvalidError.at(text, deep, [], `The filter nests deeper than ${TASK_FILTER_LIMITS.maxDepth} parentheses.`);
  }
  const match = TASK_FILTER_GRAMMAR.match(text);
  if (match.failed()) {
    const position = match.getRightmostFailurePosition();
    const expected = expectedList(match.getExpectedText());
    const found = position >= text.length ? 'the end of the filter' : `"${text.slice(position, position + 12)}"`;
    throw TaskFilterInvalidError.at(text, position, expected, `Expected ${expected.join(', ')} but found ${found}.`);
  }
  return checkTaskFilter(text, semantics(match)['syntax']() as TaskFilterSyntax);
}
