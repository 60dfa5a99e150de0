import type { TaskFilterCondition, TaskFilterDateColumn } from '@primetrade/domain';
import { HOT_TASKS, type TaskTable } from './sqlite-task-tables';

export interface SqlCondition {
  sql: string;
  params: unknown[];
}

const DATE_COLUMNS: Record<TaskFilterDateColumn, string> = {
  dueDate: 'due_at',
  createdAt: 'created_at',
  updatedAt: 'updated_at',
  completedAt: 'completed_at',
};

/**
 * A filter condition as one SQL condition over `table` (tasks or the archive), every value a bound parameter. Each piece
 * is two-valued (never NULL: a range on a missing date is false, not unknown), so NOT flips it as
 * the domain's reference does. Text is compared as stored: the caller keeps sealed rows out of it.
 */
export function taskFilterSql(condition: TaskFilterCondition, table: TaskTable = HOT_TASKS): SqlCondition {
  const c = condition;
  switch (c.kind) {
    case 'and':
    case 'or': {
      if (c.operands.length === 0) return { sql: c.kind === 'and' ? '1' : '0', params: [] };
      const parts = c.operands.map((operand) => taskFilterSql(operand, table));
      return { sql: `(${parts.map((p) => p.sql).join(c.kind === 'and' ? ' AND ' : ' OR ')})`, params: parts.flatMap((p) => p.params) };
    }
    case 'not': {
      const inner = taskFilterSql(c.operand, table);
      return { sql: `NOT ${inner.sql}`, params: inner.params };
    }
    case 'equals':
      return { sql: `${c.field} = ?`, params: [c.value] };
    case 'contains':
      // The same fold as `q` (unicode_lower is String#toLowerCase), and instr: no LIKE wildcards.
      return { sql: `instr(unicode_lower(${c.field}), ?) > 0`, params: [c.value] };
    case 'status':
    case 'priority':
      if (c.values.length === 0) return { sql: '0', params: [] };
      return { sql: `${c.kind} IN (${c.values.map(() => '?').join(', ')})`, params: [...c.values] };
    case 'tag':
      // Probes the (task_id, tag) primary key of the tags table for the row at hand.
      return { sql: `EXISTS (SELECT 1 FROM ${table.tags} t WHERE t.task_id = ${table.name}.id AND t.tag = ?)`, params: [c.value] };
    case 'untagged':
      return { sql: `NOT EXISTS (SELECT 1 FROM ${table.tags} t WHERE t.task_id = ${table.name}.id)`, params: [] };
    case 'missing':
      return { sql: `${DATE_COLUMNS[c.field]} IS NULL`, params: [] };
    case 'range': {
      const column = DATE_COLUMNS[c.field];
      const parts = [`${column} IS NOT NULL`];
      const params: unknown[] = [];
      if (c.from) {
        parts.push(`${column} >= ?`);
        params.push(c.from.getTime());
      }
      if (c.to) {
        parts.push(`${column} < ?`);
        params.push(c.to.getTime());
      }
      return { sql: `(${parts.join(' AND ')})`, params };
    }
  }
}
