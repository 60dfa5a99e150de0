import { Injectable } from '@nestjs/common';
import { DEFAULT_PREFERENCES, type DueTask, DueTaskScanner, dueSoonLeadMinutes, type NotificationType } from '@primetrade/domain';
import { SqliteDatabase } from '../database/sqlite-database';

// Walks the partial index of open tasks by due date; a "due soon" task stays only within its
// owner's lead (a primary-key probe of user_preferences; the default lead without a row, 0 for
// none); the anti-join leaves out tasks that already have the notification, so repeated scans
// enqueue nothing new.
const SCAN_SQL = `
  SELECT t.id AS task_id, t.owner_id, t.due_at, CASE WHEN t.due_at <= @now THEN 'task-overdue' ELSE 'task-due' END AS type
  FROM tasks t LEFT JOIN user_preferences p ON p.user_id = t.owner_id
  WHERE t.status IN ('todo', 'in_progress') AND t.due_at IS NOT NULL AND t.due_at <= @until
    AND (t.due_at <= @now OR t.due_at <= @now + COALESCE(p.due_soon_minutes, @defaultLead) * 60000)
    AND NOT EXISTS (
      SELECT 1 FROM notifications n
      WHERE n.task_id = t.id AND n.type = CASE WHEN t.due_at <= @now THEN 'task-overdue' ELSE 'task-due' END)
  ORDER BY t.due_at, t.id
  LIMIT @limit`;

const DEFAULT_LEAD_MINUTES = dueSoonLeadMinutes(DEFAULT_PREFERENCES.dueSoonLead);

@Injectable()
export class SqliteDueTaskScanner extends DueTaskScanner {
  /** The scan's statement (its query plan is checked in the spec). */
  static readonly SQL = SCAN_SQL;

  constructor(private readonly sqlite: SqliteDatabase) {
    super();
  }

  async findDue(now: Date, until: Date, limit: number): Promise<DueTask[]> {
    const rows = this.sqlite
      .statement(SCAN_SQL)
      .all({ now: now.getTime(), until: until.getTime(), limit, defaultLead: DEFAULT_LEAD_MINUTES }) as {
      task_id: string;
      owner_id: string;
      type: NotificationType;
      due_at: number;
    }[];
    return rows.map((r) => ({ taskId: r.task_id, ownerId: r.owner_id, type: r.type, dueDate: new Date(r.due_at) }));
  }
}
