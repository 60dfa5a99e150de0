import { Injectable } from '@nestjs/common';
import { DUE_SOON_WINDOW_MS, emptyTaskStats, TaskStatistics, type TaskPriority, type TaskStats, type TaskStatus } from '@primetrade/domain';
import { SqliteDatabase } from '../database/sqlite-database';

interface CounterRow {
  status: TaskStatus;
  priority: TaskPriority;
  tasks: number;
  completion_ms_sum: number;
  completion_count: number;
}

// At most 16 rows per owner (status × priority), kept by triggers in every write's transaction (migration 7).
const COUNTERS_SQL = 'SELECT status, priority, tasks, completion_ms_sum, completion_count FROM task_counters WHERE owner_id = ?';
/** The due periods of task_due_counters: due_at >> 31, about 25 days each. */
const DUE_PERIOD_MS = 2 ** 31;
// Time-dependent counts cannot be kept by writes alone: the open tasks of the periods already over
// come from task_due_counters (a few rows a year); those due from the current period's start until
// the end of the due-soon window from a range of the open-tasks-by-due-date index.
// Archived tasks (migration 22) are in none of the counters above: one row per owner of their own.
const ARCHIVED_SQL = 'SELECT tasks FROM task_archive_counters WHERE owner_id = ?';
const PAST_PERIODS_SQL = 'SELECT IFNULL(SUM(open_tasks), 0) AS overdue FROM task_due_counters WHERE owner_id = ? AND period < ?';
const DUE_SQL = `
  SELECT IFNULL(SUM(due_at < @now), 0) AS overdue, IFNULL(SUM(due_at >= @now), 0) AS due_soon
  FROM tasks INDEXED BY tasks_open_owner_due
  WHERE owner_id = @owner AND status IN ('todo', 'in_progress') AND due_at IS NOT NULL AND due_at >= @from AND due_at < @soon`;

/**
 * The statistics overview from the task_counters read model (a handful of rows per owner), the
 * due-period counters and one short index range for overdue and due-soon tasks, instead of an
 * aggregate over every task of the owner.
 */
@Injectable()
export class SqliteTaskStatistics extends TaskStatistics {
  constructor(private readonly sqlite: SqliteDatabase) {
    super();
  }

  async overview(ownerId: string, now: Date): Promise<TaskStats> {
    const stats = emptyTaskStats();
    let completionSum = 0;
    let completionCount = 0;
    for (const row of this.sqlite.statement(COUNTERS_SQL).all(ownerId) as CounterRow[]) {
      stats.total += row.tasks;
      stats.byStatus[row.status] += row.tasks;
      stats.byPriority[row.priority] += row.tasks;
      completionSum += row.completion_ms_sum;
      completionCount += row.completion_count;
    }
    const period = Math.floor(now.getTime() / DUE_PERIOD_MS);
    const past = this.sqlite.statement(PAST_PERIODS_SQL).get(ownerId, period) as { overdue: number };
    const due = this.sqlite.statement(DUE_SQL).get({
      owner: ownerId,
      from: period * DUE_PERIOD_MS,
      now: now.getTime(),
      soon: now.getTime() + DUE_SOON_WINDOW_MS,
    }) as { overdue: number; due_soon: number };
    stats.overdue = past.overdue + due.overdue;
    stats.dueSoon = due.due_soon;
    stats.archived = (this.sqlite.statement(ARCHIVED_SQL).get(ownerId) as { tasks: number } | undefined)?.tasks ?? 0;
    stats.completionRate = stats.total === 0 ? 0 : stats.byStatus.completed / stats.total;
    stats.averageCompletionMs = completionCount === 0 ? null : Math.round(completionSum / completionCount);
    return stats;
  }
}
