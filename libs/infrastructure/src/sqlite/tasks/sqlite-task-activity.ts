import { Injectable } from '@nestjs/common';
import { type CompletionGap, TaskActivityReadModel, type TaskActivityCounts } from '@primetrade/domain';
import { SqliteDatabase } from '../database/sqlite-database';

// Per period, two index-range counts: creations on (owner, created_at, id), completions on the
// partial (owner, completed_at) index. The cost follows the tasks inside the window, never the
// owner's total. A completed_at is set only while a task is completed (reopening clears it).
const ACTIVITY_SQL = `
  WITH periods (i, lo, hi) AS (
    SELECT key, json_extract(value, '$[0]'), json_extract(value, '$[1]') FROM json_each(@periods)
  )
  SELECT i,
    (SELECT COUNT(*) FROM tasks INDEXED BY tasks_owner_created_id
      WHERE owner_id = @owner AND created_at >= lo AND created_at < hi) AS created,
    (SELECT COUNT(*) FROM tasks INDEXED BY tasks_owner_completed
      WHERE owner_id = @owner AND completed_at >= lo AND completed_at < hi) AS completed
  FROM periods ORDER BY i`;

// The gaps read model of migration 11, latest first.
const GAPS_SQL = 'SELECT gap_start, gap_end FROM task_completion_gaps WHERE owner_id = ? AND gap_end < ? ORDER BY gap_end DESC LIMIT ?';

@Injectable()
export class SqliteTaskActivityReadModel extends TaskActivityReadModel {
  constructor(private readonly sqlite: SqliteDatabase) {
    super();
  }

  async activity(ownerId: string, boundaries: readonly Date[]): Promise<TaskActivityCounts> {
    const periods = boundaries.slice(1).map((end, i) => [boundaries[i].getTime(), end.getTime()]);
    const rows = this.sqlite.statement(ACTIVITY_SQL).all({ owner: ownerId, periods: JSON.stringify(periods) }) as {
      created: number;
      completed: number;
    }[];
    return { created: rows.map((r) => r.created), completed: rows.map((r) => r.completed) };
  }

  async completionGaps(ownerId: string, before: Date, limit: number): Promise<CompletionGap[]> {
    const rows = this.sqlite.statement(GAPS_SQL).all(ownerId, before.getTime(), limit) as { gap_start: number | null; gap_end: number }[];
    return rows.map((r) => ({ from: r.gap_start === null ? null : new Date(r.gap_start), to: new Date(r.gap_end) }));
  }
}
