import { Injectable, Logger } from '@nestjs/common';
import { ContentCipher, Notification, NotificationRepository, type NotificationPosition, type NotificationType } from '@primetrade/domain';
import { SqliteDatabase } from '../database/sqlite-database';
import { notificationTitleContext, SealedText } from '../../core/notifications/sealed-text';

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
  /** 1: task_title is a sealed value; 0: a row written before migration 6, still plaintext. */
  sealed: number;
}

const LEGACY_BATCH = 500;
const date = (ms: number | null) => (ms === null ? null : new Date(ms));

/**
 * Notifications on SQLite. The task title they copy is sealed at rest (ContentCipher, associated
 * data `notifications/<id>/title`); rows written before are sealed when the repository starts.
 */
@Injectable()
export class SqliteNotificationRepository extends NotificationRepository {
  private readonly logger = new Logger('SqliteNotificationRepository');
  private readonly text: SealedText;

  constructor(
    private readonly sqlite: SqliteDatabase,
    cipher: ContentCipher,
  ) {
    super();
    this.text = new SealedText(cipher);
    this.sealLegacyRows();
  }

  async insertIfAbsent(n: Notification): Promise<Notification> {
    // ON CONFLICT DO NOTHING on the (task_id, type) unique index: the store decides, no race.
    this.sqlite
      .statement(
        `INSERT INTO notifications (id, owner_id, task_id, type, task_title, due_at, created_at, read_at, emailed_at, sealed)
         VALUES (@id, @owner, @task, @type, @title, @due, @created, NULL, NULL, 1) ON CONFLICT (task_id, type) DO NOTHING`,
      )
      .run({
        id: n.id,
        owner: n.ownerId,
        task: n.taskId,
        type: n.type,
        title: this.text.seal(n.taskTitle, notificationTitleContext(n.id)),
        due: n.dueDate.getTime(),
        created: n.createdAt.getTime(),
      });
    const row = this.sqlite
      .statement('SELECT * FROM notifications WHERE task_id = ? AND type = ?')
      .get(n.taskId, n.type) as NotificationRow;
    return this.toDomain(row);
  }

  /**
   * One statement: the row is inserted only if, at that moment, the task is still open with a
   * due date at or before `dueBy`; SQLite runs it alone (one writer), so a completion is either
   * before (no notice) or after (a notice for a task that was open when it was written).
   */
  async insertIfTaskQualifies(n: Notification, dueBy: Date): Promise<Notification | null> {
    this.sqlite
      .statement(
        `INSERT INTO notifications (id, owner_id, task_id, type, task_title, due_at, created_at, read_at, emailed_at, sealed)
         SELECT @id, @owner, @task, @type, @title, @due, @created, NULL, NULL, 1
         WHERE EXISTS (SELECT 1 FROM tasks WHERE id = @task AND owner_id = @owner
                         AND status IN ('todo', 'in_progress') AND due_at IS NOT NULL AND due_at <= @dueBy)
         ON CONFLICT (task_id, type) DO NOTHING`,
      )
      .run({
        id: n.id,
        owner: n.ownerId,
        task: n.taskId,
        type: n.type,
        title: this.text.seal(n.taskTitle, notificationTitleContext(n.id)),
        due: n.dueDate.getTime(),
        created: n.createdAt.getTime(),
        dueBy: dueBy.getTime(),
      });
    const row = this.sqlite.statement('SELECT * FROM notifications WHERE task_id = ? AND type = ?').get(n.taskId, n.type) as
      NotificationRow | undefined;
    return row ? this.toDomain(row) : null;
  }

  async findById(ownerId: string, id: string): Promise<Notification | null> {
    const row = this.sqlite.statement('SELECT * FROM notifications WHERE owner_id = ? AND id = ?').get(ownerId, id) as
      NotificationRow | undefined;
    return row ? this.toDomain(row) : null;
  }

  async update(n: Notification): Promise<void> {
    this.sqlite
      // Both times are set once and never cleared: an older copy (a delivery that read the
      // notice before the user marked it read) must not clear what was set meanwhile.
      .statement(
        'UPDATE notifications SET read_at = COALESCE(read_at, @read), emailed_at = COALESCE(emailed_at, @emailed) WHERE owner_id = @owner AND id = @id',
      )
      .run({ read: n.readAt?.getTime() ?? null, emailed: n.emailedAt?.getTime() ?? null, owner: n.ownerId, id: n.id });
  }

  async awaitingMail(createdBefore: Date, limit: number): Promise<Notification[]> {
    const rows = this.sqlite
      .statement('SELECT * FROM notifications WHERE emailed_at IS NULL AND created_at < ? ORDER BY created_at, id LIMIT ?')
      .all(createdBefore.getTime(), limit) as NotificationRow[];
    return rows.map((row) => this.toDomain(row));
  }

  async list(ownerId: string, after: NotificationPosition | null, limit: number): Promise<Notification[]> {
    const rows = after
      ? this.sqlite
          .statement(
            `SELECT * FROM notifications WHERE owner_id = @owner AND (created_at < @t OR (created_at = @t AND id < @id))
             ORDER BY created_at DESC, id DESC LIMIT @limit`,
          )
          .all({ owner: ownerId, t: after.createdAt, id: after.id, limit })
      : this.sqlite
          .statement('SELECT * FROM notifications WHERE owner_id = @owner ORDER BY created_at DESC, id DESC LIMIT @limit')
          .all({ owner: ownerId, limit });
    return (rows as NotificationRow[]).map((row) => this.toDomain(row));
  }

  async countUnread(ownerId: string): Promise<number> {
    return (
      this.sqlite.statement('SELECT COUNT(*) AS n FROM notifications WHERE owner_id = ? AND read_at IS NULL').get(ownerId) as { n: number }
    ).n;
  }

  /** Seals rows stored in plaintext (sealed = 0), in batches; idempotent and resumable. */
  sealLegacyRows(): number {
    const select = this.sqlite.statement(`SELECT id, task_title FROM notifications WHERE sealed = 0 LIMIT ${LEGACY_BATCH}`);
    const update = this.sqlite.statement('UPDATE notifications SET task_title = ?, sealed = 1 WHERE id = ? AND sealed = 0');
    let sealed = 0;
    for (;;) {
      const rows = select.all() as Pick<NotificationRow, 'id' | 'task_title'>[];
      if (rows.length === 0) break;
      this.sqlite.db
        .transaction(() => {
          for (const row of rows) update.run(this.text.seal(row.task_title, notificationTitleContext(row.id)), row.id);
        })
        .immediate();
      sealed += rows.length;
    }
    if (sealed > 0) this.logger.log(`encrypted the task title of ${sealed} existing notification(s)`);
    return sealed;
  }

  private toDomain(r: NotificationRow): Notification {
    return Notification.restore({
      id: r.id,
      ownerId: r.owner_id,
      taskId: r.task_id,
      type: r.type,
      taskTitle: r.sealed === 1 ? this.text.open(r.task_title, notificationTitleContext(r.id)) : r.task_title,
      dueDate: new Date(r.due_at),
      createdAt: new Date(r.created_at),
      readAt: date(r.read_at),
      emailedAt: date(r.emailed_at),
    });
  }
}
