import { Injectable } from '@nestjs/common';
import { Attachment, type AttachmentContentType, AttachmentRepository } from '@primetrade/domain';
import { SqliteDatabase } from '../database/sqlite-database';

interface AttachmentRow {
  id: string;
  task_id: string;
  owner_id: string;
  file_name: string;
  content_type: string;
  size: number;
  created_at: number;
}

const COLUMNS = 'id, task_id, owner_id, file_name, content_type, size, created_at';

function toAttachment(row: AttachmentRow): Attachment {
  return Attachment.restore({
    id: row.id,
    taskId: row.task_id,
    ownerId: row.owner_id,
    fileName: row.file_name,
    contentType: row.content_type as AttachmentContentType,
    size: row.size,
    createdAt: new Date(row.created_at),
  });
}

/** Attachment metadata in the embedded store (table `attachments`, migration 3). */
@Injectable()
export class SqliteAttachmentRepository extends AttachmentRepository {
  constructor(private readonly sqlite: SqliteDatabase) {
    super();
  }

  /** One statement: SQLite runs it alone, so two racing uploads cannot both take the last place. */
  async insertWithinLimit(attachment: Attachment, maxPerTask: number): Promise<boolean> {
    const a = attachment.toProps();
    const result = this.sqlite
      .statement(
        `INSERT INTO attachments (${COLUMNS}) SELECT ?, ?, ?, ?, ?, ?, ? WHERE (SELECT COUNT(*) FROM attachments WHERE owner_id = ? AND task_id = ?) < ?`,
      )
      .run(a.id, a.taskId, a.ownerId, a.fileName, a.contentType, a.size, a.createdAt.getTime(), a.ownerId, a.taskId, maxPerTask);
    return result.changes === 1;
  }

  async countByTask(ownerId: string, taskId: string): Promise<number> {
    return (
      this.sqlite.statement('SELECT COUNT(*) AS n FROM attachments WHERE owner_id = ? AND task_id = ?').get(ownerId, taskId) as {
        n: number;
      }
    ).n;
  }

  async findById(ownerId: string, taskId: string, id: string): Promise<Attachment | null> {
    const row = this.sqlite
      .statement(`SELECT ${COLUMNS} FROM attachments WHERE id = ? AND owner_id = ? AND task_id = ?`)
      .get(id, ownerId, taskId) as AttachmentRow | undefined;
    return row ? toAttachment(row) : null;
  }

  async listByOwner(ownerId: string): Promise<Attachment[]> {
    const rows = this.sqlite
      .statement(`SELECT ${COLUMNS} FROM attachments WHERE owner_id = ? ORDER BY task_id, created_at, id`)
      .all(ownerId) as AttachmentRow[];
    return rows.map(toAttachment);
  }

  async listByTask(ownerId: string, taskId: string): Promise<Attachment[]> {
    const rows = this.sqlite
      .statement(`SELECT ${COLUMNS} FROM attachments WHERE owner_id = ? AND task_id = ? ORDER BY created_at, id`)
      .all(ownerId, taskId) as AttachmentRow[];
    return rows.map(toAttachment);
  }

  async delete(ownerId: string, taskId: string, id: string): Promise<boolean> {
    return (
      this.sqlite.statement('DELETE FROM attachments WHERE id = ? AND owner_id = ? AND task_id = ?').run(id, ownerId, taskId).changes === 1
    );
  }
}
