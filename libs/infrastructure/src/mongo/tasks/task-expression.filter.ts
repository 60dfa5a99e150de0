import type { TaskFilterCondition } from '@primetrade/domain';
import type { MongoDocument } from '../connection/mongo-query.types';
import { escapeRegex } from './task-list.filter';

/** MongoDB refuses an empty $and / $or; these stand for true and false (every document has an _id). */
const ALWAYS: MongoDocument = { _id: { $exists: true } };
const NEVER: MongoDocument = { _id: { $exists: false } };

/**
 * A filter condition as a query document. `not` is `$nor` of one clause, the only negation that
 * applies to a whole expression. A range never matches null or a missing date (type bracketing),
 * and equality on a missing date is false, so the two-valued logic of the domain's reference
 * (matchesTaskFilter) holds without extra clauses.
 */
export function taskExpressionFilter(condition: TaskFilterCondition): MongoDocument {
  const c = condition;
  switch (c.kind) {
    case 'and':
    case 'or':
      if (c.operands.length === 0) return c.kind === 'and' ? ALWAYS : NEVER;
      return { [`$${c.kind}`]: c.operands.map(taskExpressionFilter) };
    case 'not':
      return { $nor: [taskExpressionFilter(c.operand)] };
    case 'equals':
      // Documents written before descriptions defaulted to '' may lack the field: it reads as ''.
      return c.field === 'description' && c.value === '' ? { description: { $in: ['', null] } } : { [c.field]: c.value };
    case 'contains':
      if (c.value === '') return ALWAYS;
      return { [c.field]: { $regex: escapeRegex(c.value), $options: 'i' } };
    case 'status':
    case 'priority':
      return { [c.kind]: { $in: [...c.values] } };
    case 'tag':
      return { tags: c.value };
    case 'untagged':
      return { 'tags.0': { $exists: false } };
    case 'missing':
      return { [c.field]: null };
    case 'range': {
      const bounds: MongoDocument = {};
      if (c.from) bounds['$gte'] = c.from;
      if (c.to) bounds['$lt'] = c.to;
      return { [c.field]: bounds };
    }
  }
}
