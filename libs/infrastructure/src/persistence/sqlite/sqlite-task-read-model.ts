import { Injectable } from '@nestjs/common';
import { OPEN_TASK_STATUSES, TaskReadModel, type TaskListRequest, type TaskSortField, type TaskView } from '@primetrade/domain';
import { SqliteDatabase } from './sqlite-database';
import { type TaskRow, rowToView } from './sqlite-task.mapper';

/** A missing due date sorts after every date, as the port defines. */
const NO_DUE_DATE = Number.MAX_SAFE_INTEGER;

const SORT_KEY: Record<TaskSortField, string> = {
  createdAt: 'created_at',
  updatedAt: 'updated_at',
  dueDate: `COALESCE(due_at, ${NO_DUE_DATE})`,
  priority: 'priority_rank',
};

@Injectable()
export class SqliteTaskReadModel extends TaskReadModel {
  constructor(private readonly sqlite: SqliteDatabase) {
    super();
  }

  async list(ownerId: string, request: TaskListRequest): Promise<TaskView[]> {
    const { criteria, after, order } = request;
    const where: string[] = ['owner_id = ?'];
    const params: unknown[] = [ownerId];
    const inList = (column: string, values: readonly string[]) => {
      where.push(`${column} IN (${values.map(() => '?').join(', ')})`);
      params.push(...values);
    };

    if (criteria.status?.length) inList('status', criteria.status);
    if (criteria.priority?.length) inList('priority', criteria.priority);
    if (criteria.tag) {
      where.push('id IN (SELECT task_id FROM task_tags WHERE owner_id = ? AND tag = ?)');
      params.push(ownerId, criteria.tag.trim().toLowerCase());
    }
    if (criteria.dueBefore) {
      where.push('due_at < ?');
      params.push(criteria.dueBefore.getTime());
    }
    if (criteria.dueAfter) {
      where.push('due_at > ?');
      params.push(criteria.dueAfter.getTime());
    }
    if (criteria.overdue) {
      inList('status', OPEN_TASK_STATUSES);
      where.push('due_at < ?');
      params.push(criteria.now.getTime());
    }
    if (criteria.q?.trim()) {
      // unicode_lower (registered by SqliteDatabase) folds case beyond ASCII, unlike LIKE.
      const needle = criteria.q.trim().toLowerCase();
      where.push('(instr(unicode_lower(title), ?) > 0 OR instr(unicode_lower(description), ?) > 0)');
      params.push(needle, needle);
    }

    const key = SORT_KEY[request.sort];
    const direction = order === 'asc' ? 'ASC' : 'DESC';
    if (after) {
      const cmp = order === 'asc' ? '>' : '<';
      const afterKey = after.key ?? NO_DUE_DATE;
      where.push(`(${key} ${cmp} ? OR (${key} = ? AND id ${cmp} ?))`);
      params.push(afterKey, afterKey, after.id);
    }

    const sql = `SELECT * FROM tasks WHERE ${where.join(' AND ')} ORDER BY ${key} ${direction}, id ${direction} LIMIT ?`;
    params.push(request.limit);
    return (this.sqlite.statement(sql).all(...params) as TaskRow[]).map(rowToView);
  }
}
