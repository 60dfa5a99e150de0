import { Injectable } from '@nestjs/common';
import {
  filterReadsText,
  matchesTaskFilter,
  OPEN_TASK_STATUSES,
  resolveTaskFilter,
  type TaskFilterCondition,
  TaskReadModel,
  type TaskListPosition,
  type TaskListRequest,
  type TaskSortField,
  type TaskView,
} from '@primetrade/domain';
import { scanForMatches } from '../../core/tasks/scan-for-matches';
import { searchNeedle, TaskContentSealer } from '../../core/tasks/task-content-sealer';
import { SqliteDatabase } from '../database/sqlite-database';
import { taskFilterSql } from './sqlite-task-filter';
import { SqliteTaskPageCache } from './sqlite-task-page-cache';
import { type TaskTable, taskTableOf } from './sqlite-task-tables';
import { rowSortKey, rowToView, storedText, TASK_COLUMNS, type TaskRow } from './sqlite-task.mapper';

/** A missing due date sorts after every date, as the port defines. */
const NO_DUE_DATE = Number.MAX_SAFE_INTEGER;

/** The sort key column of each sort; due_sort is COALESCE(due_at, NO_DUE_DATE), generated (migration 7). */
const SORT_KEY: Record<TaskSortField, string> = {
  createdAt: 'created_at',
  updatedAt: 'updated_at',
  dueDate: 'due_sort',
  priority: 'priority_rank',
};

/** Pages kept per process by default (a page of 20 is ~10 kB of views), and how long at most. */
const PAGE_CACHE_PAGES = 1000;
const PAGE_CACHE_TTL_MS = 60_000;

/** Trigram search needs three characters; shorter needles are matched on the index walk. */
const MIN_TRIGRAM_NEEDLE = 3;
/**
 * Up to this many trigram hits, a search is driven from the hits (looked up by rowid and sorted,
 * at most this many rows); beyond it the needle is common, and walking the sort index with the
 * exact match fills a page within a few rows.
 */
const MAX_DRIVING_HITS = 2000;

interface Where {
  /** tasks, or the archive (criteria.archived): the same SQL on either. */
  table: TaskTable;
  where: string[];
  params: unknown[];
  /** A filter expression makes the SQL text vary without bound: such statements are not cached. */
  varies?: boolean;
}

/** How a page reaches its rows: an index walked in sort order, or the search hits by rowid. */
type Access = { kind: 'index'; index: string } | { kind: 'search'; match: string };

/**
 * ListTasks on SQLite. Every page walks the sort's (owner, key, id) index from the cursor and checks
 * the filters on the way (EXPLAIN QUERY PLAN is asserted by sqlite-task-query-plans.spec.ts), so it
 * costs the same for an owner with a thousand tasks as for one with a hundred thousand.
 *
 * `q` on plaintext rows: the FTS5 trigram index (tasks_fts) finds the rows holding the needle; a
 * rare needle drives the page from those hits, a common one walks the sort index (a page fills at
 * once). The exact case-insensitive match (unicode_lower + instr) is still checked on each row, so
 * the index only narrows. Rows whose text is sealed (ENCRYPT_TASK_CONTENT) are not in the trigram
 * index: an owner holding any is searched as before, candidates walked in sort order and the text
 * decrypted and matched in the process until the page is full (scanForMatches).
 *
 * tasks_fts points at tasks by rowid (tasks_archive_fts at tasks_archive alike), and neither table
 * has an INTEGER PRIMARY KEY, so a VACUUM could renumber its rows: the app never runs one; after a
 * manual VACUUM, empty each index ('delete-all') and refill it with migration 7's INSERT … WHERE
 * content_sealed = 0 (not 'rebuild', which would index sealed text too).
 *
 * `criteria.archived` reads the archive (migration 22) with the same SQL: its own table, tags,
 * trigram index and indexes of the same shapes (sqlite-task-tables.ts).
 */
@Injectable()
export class SqliteTaskReadModel extends TaskReadModel {
  private readonly cache: SqliteTaskPageCache | null;

  constructor(
    private readonly sqlite: SqliteDatabase,
    private readonly content: TaskContentSealer,
    cachedPages = PAGE_CACHE_PAGES,
  ) {
    super();
    this.cache = cachedPages > 0 ? new SqliteTaskPageCache(sqlite, { maxPages: cachedPages, ttlMs: PAGE_CACHE_TTL_MS }) : null;
  }

  async list(ownerId: string, request: TaskListRequest): Promise<TaskView[]> {
    const read = async () => {
      const rows = await this.rows(ownerId, request);
      return { views: rows.map(this.toView), keep: !rows.some((row) => row.content_sealed === 1) };
    };
    return this.cache ? this.cache.page(ownerId, request, read) : (await read()).views;
  }

  private async rows(ownerId: string, request: TaskListRequest): Promise<TaskRow[]> {
    const needle = searchNeedle(request.criteria.q);
    const condition = request.criteria.filter ? resolveTaskFilter(request.criteria.filter, request.criteria.now) : null;
    const filter = this.filters(ownerId, request);
    // Text comparisons cannot run on sealed text: sealed rows pass the SQL and are matched once opened.
    const textOnSealed = condition !== null && filterReadsText(condition) && this.hasSealedRows(ownerId, filter.table);
    if (condition) this.addFilter(filter, condition, textOnSealed);
    if (!needle && !textOnSealed) return this.page(request, filter, this.walk(request), request.after, request.limit);

    // unicode_lower (registered by SqliteDatabase) folds case beyond ASCII, unlike LIKE, the same
    // way the in-process match does (String#toLowerCase).
    const exact = '(instr(unicode_lower(title), ?) > 0 OR instr(unicode_lower(description), ?) > 0)';
    if (needle && !this.hasSealedRows(ownerId, filter.table)) {
      filter.where.push(exact);
      filter.params.push(needle, needle);
      return this.page(request, filter, this.searchAccess(request, filter.table, needle), request.after, request.limit);
    }

    if (needle) {
      filter.where.push(`(content_sealed = 1 OR ${exact})`);
      filter.params.push(needle, needle);
    }
    const access = this.walk(request);
    return scanForMatches<TaskRow>({
      limit: request.limit,
      fetch: async (last, size) =>
        this.page(request, filter, access, last ? { key: rowSortKey(last, request.sort), id: last.id } : request.after, size),
      matches: (row) => this.matchesOpened(row, needle, textOnSealed ? condition : null),
    });
  }

  /** The filter expression as SQL; with sealed text in play, sealed rows pass and are checked once opened. */
  private addFilter(filter: Where, condition: TaskFilterCondition, textOnSealed: boolean): void {
    const { sql, params } = taskFilterSql(condition, filter.table);
    filter.where.push(textOnSealed ? `(content_sealed = 1 OR ${sql})` : sql);
    filter.params.push(...params);
    filter.varies = true;
  }

  /** Decrypt-and-filter of a sealed row: `q` and the filter expression in the process; plaintext rows were matched in SQL. */
  private matchesOpened(row: TaskRow, needle: string | null, condition: TaskFilterCondition | null): boolean {
    if (needle && !this.content.matches(row.id, storedText(row), needle)) return false;
    return condition === null || row.content_sealed === 0 || matchesTaskFilter(condition, this.toView(row));
  }

  private readonly toView = (row: TaskRow): TaskView => rowToView(row, this.content);

  /** The index a list without search walks: the sort's, or one status's own when that is the filter. */
  private walk({ sort, criteria }: TaskListRequest): Access {
    const table = taskTableOf(criteria);
    if (sort === 'createdAt' && criteria.status?.length === 1) return { kind: 'index', index: table.statusIndex };
    return { kind: 'index', index: table.sortIndex[sort] };
  }

  private searchAccess(request: TaskListRequest, table: TaskTable, needle: string): Access {
    if ([...needle].length < MIN_TRIGRAM_NEEDLE) return this.walk(request);
    const match = `"${needle.replaceAll('"', '""')}"`;
    const { hits } = this.sqlite
      .statement(`SELECT COUNT(*) AS hits FROM (SELECT 1 FROM ${table.fts} WHERE ${table.fts} MATCH ? LIMIT ?)`)
      .get(match, MAX_DRIVING_HITS + 1) as { hits: number };
    return hits > MAX_DRIVING_HITS ? this.walk(request) : { kind: 'search', match };
  }

  private hasSealedRows(ownerId: string, table: TaskTable): boolean {
    return (
      this.sqlite.statement(`SELECT 1 FROM ${table.name} WHERE owner_id = ? AND content_sealed = 1 LIMIT 1`).get(ownerId) !== undefined
    );
  }

  /** Owner and every criterion but `q`, as SQL conditions. */
  private filters(ownerId: string, { criteria }: TaskListRequest): Where {
    const table = taskTableOf(criteria);
    const where: string[] = ['owner_id = ?'];
    const params: unknown[] = [ownerId];
    const inList = (column: string, values: readonly string[]) => {
      where.push(values.length === 1 ? `${column} = ?` : `${column} IN (${values.map(() => '?').join(', ')})`);
      params.push(...values);
    };
    if (criteria.status?.length) inList('status', criteria.status);
    if (criteria.priority?.length) inList('priority', criteria.priority);
    if (criteria.tag) {
      // Probes the (task_id, tag) primary key for each row walked; never lists the owner's tagged rows.
      where.push(`EXISTS (SELECT 1 FROM ${table.tags} t WHERE t.task_id = ${table.name}.id AND t.tag = ?)`);
      params.push(criteria.tag.trim().toLowerCase());
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
    return { table, where, params };
  }

  /** One keyset page of the filtered rows: strictly after `after` in (key, id) order. */
  private page(request: TaskListRequest, filter: Where, access: Access, after: TaskListPosition | null, limit: number): TaskRow[] {
    const where = [...filter.where];
    const params = [...filter.params];
    const key = SORT_KEY[request.sort];
    const direction = request.order === 'asc' ? 'ASC' : 'DESC';
    if (after) {
      // A row value: the index seeks straight to the cursor instead of walking the pages before it.
      where.push(`(${key}, id) ${request.order === 'asc' ? '>' : '<'} (?, ?)`);
      params.push(after.key ?? NO_DUE_DATE, after.id);
    }
    const table = filter.table;
    let from = `${table.name} INDEXED BY ${access.kind === 'index' ? access.index : ''}`;
    if (access.kind === 'search') {
      from = `${table.name} NOT INDEXED`;
      where.unshift(`rowid IN (SELECT rowid FROM ${table.fts} WHERE ${table.fts} MATCH ?)`);
      params.unshift(access.match);
    }
    const sql = `SELECT ${TASK_COLUMNS} FROM ${from} WHERE ${where.join(' AND ')} ORDER BY ${key} ${direction}, id ${direction} LIMIT ?`;
    params.push(limit);
    const statement = filter.varies ? this.sqlite.transientStatement(sql) : this.sqlite.statement(sql);
    return statement.all(...params) as TaskRow[];
  }
}
