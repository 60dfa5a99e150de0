import { Injectable } from '@nestjs/common';
import { type DueTask, DueTaskScanner, type NotificationType } from '@primetrade/domain';
import { SqliteDatabase } from '../database/sqlite-database';

// Walks the partial index of open tasks by due date; the anti-join leaves out tasks that
// already have the notification, so repeated scans enqueue nothing new.
const SQL = `
  SELECT t.id AS task_id, t.owner_id, t.due_at, CASE WHEN t.due_at <= @now THEN 'task-overdue' ELSE 'task-due' END AS type
  FROM tasks t
  WHERE t.status IN ('todo', 'in_progress') AND t.due_at IS NOT NULL AND t.due_at <= @until
    AND NOT EXISTS (
      SELECT 1 FROM notifications n
      WHERE n.task_id = t.id AND n.type = CASE WHEN t.due_at <= @now THEN 'task-overdue' ELSE 'task-due' END)
  ORDER BY t.due_at, t.id
  LIMIT @limit`;

@Injectable()
export class SqliteDueTaskScanner extends DueTaskScanner {
  constructor(private readonly sqlite: SqliteDatabase) {
    super();
  }

  async findDue(now: Date, until: Date, limit: number): Promise<DueTask[]> {
    const rows = this.sqlite.statement(SQL).all({ now: now.getTime(), until: until.getTime(), limit }) as {
      task_id: string;
      owner_id: string;
      type: NotificationType;
      due_at: number;
    }[];
    return rows.map((r) => ({ taskId: r.task_id, ownerId: r.owner_id, type: r.type, dueDate: new Date(r.due_at) }));
  }
}
