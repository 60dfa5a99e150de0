import { Injectable } from '@nestjs/common';
import { DUE_SOON_WINDOW_MS, TaskStatistics, type TaskStats } from '@primetrade/domain';
import { SqliteDatabase } from '../database/sqlite-database';

interface StatsRow {
  total: number;
  todo: number;
  in_progress: number;
  completed: number;
  cancelled: number;
  low: number;
  medium: number;
  high: number;
  urgent: number;
  overdue: number;
  due_soon: number;
  avg_completion_ms: number | null;
}

// One pass over the owner's rows (the owner index narrows it); SUM over no rows is NULL.
const STATS_SQL = `
  SELECT COUNT(*) AS total,
    IFNULL(SUM(status = 'todo'), 0) AS todo,
    IFNULL(SUM(status = 'in_progress'), 0) AS in_progress,
    IFNULL(SUM(status = 'completed'), 0) AS completed,
    IFNULL(SUM(status = 'cancelled'), 0) AS cancelled,
    IFNULL(SUM(priority = 'low'), 0) AS low,
    IFNULL(SUM(priority = 'medium'), 0) AS medium,
    IFNULL(SUM(priority = 'high'), 0) AS high,
    IFNULL(SUM(priority = 'urgent'), 0) AS urgent,
    IFNULL(SUM(status IN ('todo', 'in_progress') AND due_at < @now), 0) AS overdue,
    IFNULL(SUM(status IN ('todo', 'in_progress') AND due_at >= @now AND due_at < @soon), 0) AS due_soon,
    AVG(CASE WHEN status = 'completed' THEN completed_at - created_at END) AS avg_completion_ms
  FROM tasks WHERE owner_id = @owner`;

@Injectable()
export class SqliteTaskStatistics extends TaskStatistics {
  constructor(private readonly sqlite: SqliteDatabase) {
    super();
  }

  async overview(ownerId: string, now: Date): Promise<TaskStats> {
    const row = this.sqlite
      .statement(STATS_SQL)
      .get({ owner: ownerId, now: now.getTime(), soon: now.getTime() + DUE_SOON_WINDOW_MS }) as StatsRow;
    return {
      total: row.total,
      byStatus: { todo: row.todo, in_progress: row.in_progress, completed: row.completed, cancelled: row.cancelled },
      byPriority: { low: row.low, medium: row.medium, high: row.high, urgent: row.urgent },
      overdue: row.overdue,
      dueSoon: row.due_soon,
      completionRate: row.total === 0 ? 0 : row.completed / row.total,
      averageCompletionMs: row.avg_completion_ms === null ? null : Math.round(row.avg_completion_ms),
    };
  }
}
