import { Injectable } from '@nestjs/common';
import {
  OPEN_TASK_STATUSES,
  TaskReadModel,
  type TaskListPosition,
  type TaskListRequest,
  type TaskSortField,
  type TaskView,
} from '@primetrade/domain';
import { scanForMatches } from '../../core/tasks/scan-for-matches';
import { searchNeedle, TaskContentSealer } from '../../core/tasks/task-content-sealer';
import { SqliteDatabase } from '../database/sqlite-database';
import { rowSortKey, rowToView, storedText, type TaskRow } from './sqlite-task.mapper';

/** A missing due date sorts after every date, as the port defines. */
const NO_DUE_DATE = Number.MAX_SAFE_INTEGER;

const SORT_KEY: Record<TaskSortField, string> = {
  createdAt: 'created_at',
  updatedAt: 'updated_at',
  dueDate: `COALESCE(due_at, ${NO_DUE_DATE})`,
  priority: 'priority_rank',
};

interface Where {
  where: string[];
  params: unknown[];
}

/**
 * ListTasks on SQLite. Without `q` one query does it all. With `q`, the store narrows by owner and
 * the other filters, and also by the text for rows stored in plaintext; rows whose text is sealed
 * (ENCRYPT_TASK_CONTENT) cannot be searched in SQL, so the candidates are walked in sort order and
 * the text is decrypted and matched in the process until the page is full (scanForMatches).
 */
@Injectable()
export class SqliteTaskReadModel extends TaskReadModel {
  constructor(
    private readonly sqlite: SqliteDatabase,
    private readonly content: TaskContentSealer,
  ) {
    super();
  }

  async list(ownerId: string, request: TaskListRequest): Promise<TaskView[]> {
    const needle = searchNeedle(request.criteria.q);
    if (!needle)
      return this.page(request, this.filters(ownerId, request), request.after, request.limit).map((row) => rowToView(row, this.content));

    const candidates = this.filters(ownerId, request);
    // unicode_lower (registered by SqliteDatabase) folds case beyond ASCII, unlike LIKE, the same
    // way the in-process match does (String#toLowerCase).
    candidates.where.push('(content_sealed = 1 OR instr(unicode_lower(title), ?) > 0 OR instr(unicode_lower(description), ?) > 0)');
    candidates.params.push(needle, needle);
    const rows = await scanForMatches<TaskRow>({
      limit: request.limit,
      fetch: async (last, size) =>
        this.page(request, candidates, last ? { key: rowSortKey(last, request.sort), id: last.id } : request.after, size),
      matches: (row) => this.content.matches(row.id, storedText(row), needle),
    });
    return rows.map((row) => rowToView(row, this.content));
  }

  /** Owner and every criterion but `q`, as SQL conditions. */
  private filters(ownerId: string, { criteria }: TaskListRequest): Where {
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
    return { where, params };
  }

  /** One keyset page of the filtered rows: strictly after `after` in (key, id) order. */
  private page(request: TaskListRequest, filter: Where, after: TaskListPosition | null, limit: number): TaskRow[] {
    const where = [...filter.where];
    const params = [...filter.params];
    const key = SORT_KEY[request.sort];
    const direction = request.order === 'asc' ? 'ASC' : 'DESC';
    if (after) {
      const cmp = request.order === 'asc' ? '>' : '<';
      const afterKey = after.key ?? NO_DUE_DATE;
      where.push(`(${key} ${cmp} ? OR (${key} = ? AND id ${cmp} ?))`);
      params.push(afterKey, afterKey, after.id);
    }
    const sql = `SELECT * FROM tasks WHERE ${where.join(' AND ')} ORDER BY ${key} ${direction}, id ${direction} LIMIT ?`;
    params.push(limit);
    return this.sqlite.statement(sql).all(...params) as TaskRow[];
  }
}
