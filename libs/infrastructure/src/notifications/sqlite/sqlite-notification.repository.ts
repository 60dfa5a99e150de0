import { Injectable } from '@nestjs/common';
import { Notification, NotificationRepository, type NotificationPosition, type NotificationType } from '@primetrade/domain';
import { SqliteDatabase } from '../../persistence/sqlite/sqlite-database';

interface NotificationRow {
  id: string;
  owner_id: string;
  task_id: string;
  type: NotificationType;
  task_title: string;
  due_at: number;
  created_at: number;
  read_at: number | null;
  emailed_at: number | null;
}

const date = (ms: number | null) => (ms === null ? null : new Date(ms));

const toDomain = (r: NotificationRow) =>
  Notification.restore({
    id: r.id,
    ownerId: r.owner_id,
    taskId: r.task_id,
    type: r.type,
    taskTitle: r.task_title,
    dueDate: new Date(r.due_at),
    createdAt: new Date(r.created_at),
    readAt: date(r.read_at),
    emailedAt: date(r.emailed_at),
  });

@Injectable()
export class SqliteNotificationRepository extends NotificationRepository {
  constructor(private readonly sqlite: SqliteDatabase) {
    super();
  }

  async insertIfAbsent(n: Notification): Promise<Notification> {
    // ON CONFLICT DO NOTHING on the (task_id, type) unique index: the store decides, no race.
    this.sqlite
      .statement(
        `INSERT INTO notifications (id, owner_id, task_id, type, task_title, due_at, created_at, read_at, emailed_at)
         VALUES (@id, @owner, @task, @type, @title, @due, @created, NULL, NULL) ON CONFLICT (task_id, type) DO NOTHING`,
      )
      .run({ id: n.id, owner: n.ownerId, task: n.taskId, type: n.type, title: n.taskTitle, due: n.dueDate.getTime(), created: n.createdAt.getTime() });
    const row = this.sqlite.statement('SELECT * FROM notifications WHERE task_id = ? AND type = ?').get(n.taskId, n.type) as NotificationRow;
    return toDomain(row);
  }

  async findById(ownerId: string, id: string): Promise<Notification | null> {
    const row = this.sqlite.statement('SELECT * FROM notifications WHERE owner_id = ? AND id = ?').get(ownerId, id) as NotificationRow | undefined;
    return row ? toDomain(row) : null;
  }

  async update(n: Notification): Promise<void> {
    this.sqlite
      .statement('UPDATE notifications SET read_at = @read, emailed_at = @emailed WHERE owner_id = @owner AND id = @id')
      .run({ read: n.readAt?.getTime() ?? null, emailed: n.emailedAt?.getTime() ?? null, owner: n.ownerId, id: n.id });
  }

  async list(ownerId: string, after: NotificationPosition | null, limit: number): Promise<Notification[]> {
    const rows = after
      ? this.sqlite
          .statement(
            `SELECT * FROM notifications WHERE owner_id = @owner AND (created_at < @t OR (created_at = @t AND id < @id))
             ORDER BY created_at DESC, id DESC LIMIT @limit`,
          )
          .all({ owner: ownerId, t: after.createdAt, id: after.id, limit })
      : this.sqlite.statement('SELECT * FROM notifications WHERE owner_id = @owner ORDER BY created_at DESC, id DESC LIMIT @limit').all({ owner: ownerId, limit });
    return (rows as NotificationRow[]).map(toDomain);
  }

  async countUnread(ownerId: string): Promise<number> {
    return (this.sqlite.statement('SELECT COUNT(*) AS n FROM notifications WHERE owner_id = ? AND read_at IS NULL').get(ownerId) as { n: number }).n;
  }
}
