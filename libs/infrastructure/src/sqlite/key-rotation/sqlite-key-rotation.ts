import { readdir, readFile, rename, unlink, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import type { ContentCipher } from '@primetrade/domain';
import { attachmentContext } from '../../core/attachments/encrypted-file-storage';
import type { RotationOptions, RotationProgress } from '../../core/security/key-rotation';
import type { SqliteDatabase } from '../database/sqlite-database';
import { TaskContentSealer } from '../../core/tasks/task-content-sealer';
import { notificationTitleContext, outboxContext, SealedText } from '../../core/notifications/sealed-text';
import { webhookSecretContext } from '../../core/webhooks/webhook-secret-sealing';

interface TaskTextRow {
  id: string;
  title: string;
  description: string;
  content_sealed: number;
}

interface UserRow {
  id: string;
  name: string;
  email: string;
}

/**
 * Re-encrypts everything the embedded store holds with the active key: users' email and name
 * (SQLite), task title and description that are sealed — and, with `sealTaskContent`
 * (ENCRYPT_TASK_CONTENT on), those still in plaintext too —, notifications' task title, stored
 * mail (recipient, subject, body), webhook signing secrets, and attachment files
 * (DATA_DIR/attachments), in batches, while the app keeps running.
 *
 * - Resumable and idempotent: a value already sealed with the active key is skipped, so a run
 *   that stopped half-way is simply started again.
 * - No lost writes: a user row is updated only if it still holds the values that were read
 *   (compare-and-set); a file is replaced by an atomic rename, and one whose attachment was
 *   deleted meanwhile is removed again.
 * - Old keys can be dropped from ENCRYPTION_KEYS once a run reports nothing left to re-seal.
 */
export class SqliteKeyRotation {
  constructor(
    private readonly sqlite: SqliteDatabase,
    private readonly cipher: ContentCipher,
    private readonly attachmentsDir: string,
    private readonly options: { sealTaskContent?: boolean } = {},
  ) {}

  async run(options: RotationOptions = {}): Promise<RotationProgress> {
    const batchSize = options.batchSize ?? 500;
    const progress: RotationProgress = {
      users: { scanned: 0, resealed: 0 },
      tasks: { scanned: 0, resealed: 0 },
      notifications: { scanned: 0, resealed: 0 },
      outbox: { scanned: 0, resealed: 0 },
      webhooks: { scanned: 0, resealed: 0 },
      files: { scanned: 0, resealed: 0 },
    };
    this.rotateUsers(batchSize, progress, options.onBatch);
    // Archived tasks (migration 22) are sealed the same way and re-sealed alike.
    for (const table of ['tasks', 'tasks_archive'] as const) this.rotateTasks(table, batchSize, progress, options.onBatch);
    this.rotateNotifications(batchSize, progress, options.onBatch);
    this.rotateOutbox(batchSize, progress, options.onBatch);
    this.rotateWebhooks(batchSize, progress, options.onBatch);
    await this.rotateFiles(batchSize, progress, options.onBatch);
    return progress;
  }

  private stale(value: string): boolean {
    return this.cipher.keyIdOf(Buffer.from(value, 'base64')) !== this.cipher.activeKeyId;
  }

  private reseal(id: string, field: 'email' | 'name', value: string): string {
    const context = `users/${id}/${field}`;
    const plaintext = this.cipher.open(Buffer.from(value, 'base64'), context);
    return Buffer.from(this.cipher.seal(plaintext, context)).toString('base64');
  }

  private rotateUsers(batchSize: number, progress: RotationProgress, onBatch?: (p: RotationProgress) => void): void {
    // Only rows already sealed (email_index set); plaintext rows are sealed by the repository at start.
    const select = this.sqlite.db.prepare('SELECT id, name, email FROM users WHERE email_index IS NOT NULL AND id > ? ORDER BY id LIMIT ?');
    const update = this.sqlite.db.prepare('UPDATE users SET name = ?, email = ? WHERE id = ? AND name = ? AND email = ?');
    let after = '';
    for (;;) {
      const rows = select.all(after, batchSize) as UserRow[];
      if (rows.length === 0) break;
      this.sqlite.db
        .transaction(() => {
          for (const row of rows) {
            progress.users.scanned++;
            if (!this.stale(row.email) && !this.stale(row.name)) continue;
            const name = this.stale(row.name) ? this.reseal(row.id, 'name', row.name) : row.name;
            const email = this.stale(row.email) ? this.reseal(row.id, 'email', row.email) : row.email;
            progress.users.resealed += update.run(name, email, row.id, row.name, row.email).changes;
          }
        })
        .immediate();
      after = rows[rows.length - 1].id;
      onBatch?.(progress);
    }
  }

  private rotateTasks(
    table: 'tasks' | 'tasks_archive',
    batchSize: number,
    progress: RotationProgress,
    onBatch?: (p: RotationProgress) => void,
  ): void {
    const sealAll = this.options.sealTaskContent === true;
    const sealer = new TaskContentSealer(this.cipher, true);
    // With the flag off only rows sealed earlier are looked at (kept readable when a key goes).
    const select = this.sqlite.db.prepare(
      `SELECT id, title, description, content_sealed FROM ${table} WHERE id > ? ${sealAll ? '' : 'AND content_sealed = 1'} ORDER BY id LIMIT ?`,
    );
    // Compare-and-set on the stored text: a task changed meanwhile keeps the app's write (already
    // sealed with the active key). The version is not bumped: the task itself did not change.
    const update = this.sqlite.db.prepare(
      `UPDATE ${table} SET title = ?, description = ?, content_sealed = 1 WHERE id = ? AND title = ? AND description = ? AND content_sealed = ?`,
    );
    let after = '';
    for (;;) {
      const rows = select.all(after, batchSize) as TaskTextRow[];
      if (rows.length === 0) break;
      this.sqlite.db
        .transaction(() => {
          for (const row of rows) {
            progress.tasks.scanned++;
            const sealed = row.content_sealed === 1;
            if (sealed && !this.stale(row.title) && !this.stale(row.description)) continue;
            const title = sealer.open(row.id, 'title', row.title, sealed);
            const description = sealer.open(row.id, 'description', row.description, sealed);
            const text = sealer.seal(row.id, title, description);
            progress.tasks.resealed += update.run(
              text.title,
              text.description,
              row.id,
              row.title,
              row.description,
              row.content_sealed,
            ).changes;
          }
        })
        .immediate();
      after = rows[rows.length - 1].id;
      onBatch?.(progress);
    }
  }

  private rotateNotifications(batchSize: number, progress: RotationProgress, onBatch?: (p: RotationProgress) => void): void {
    const text = new SealedText(this.cipher);
    // Only rows already sealed; plaintext ones are sealed by SqliteNotificationRepository at start.
    const select = this.sqlite.db.prepare('SELECT id, task_title FROM notifications WHERE sealed = 1 AND id > ? ORDER BY id LIMIT ?');
    const update = this.sqlite.db.prepare('UPDATE notifications SET task_title = ? WHERE id = ? AND task_title = ?');
    let after = '';
    for (;;) {
      const rows = select.all(after, batchSize) as { id: string; task_title: string }[];
      if (rows.length === 0) break;
      this.sqlite.db
        .transaction(() => {
          for (const row of rows) {
            progress.notifications.scanned++;
            const title = text.reseal(row.task_title, notificationTitleContext(row.id));
            if (title !== null) progress.notifications.resealed += update.run(title, row.id, row.task_title).changes;
          }
        })
        .immediate();
      after = rows[rows.length - 1].id;
      onBatch?.(progress);
    }
  }

  /** Webhook signing secrets (always sealed), compare-and-set on the stored value. */
  private rotateWebhooks(batchSize: number, progress: RotationProgress, onBatch?: (p: RotationProgress) => void): void {
    const text = new SealedText(this.cipher);
    const select = this.sqlite.db.prepare('SELECT id, secret FROM webhooks WHERE id > ? ORDER BY id LIMIT ?');
    const update = this.sqlite.db.prepare('UPDATE webhooks SET secret = ? WHERE id = ? AND secret = ?');
    let after = '';
    for (;;) {
      const rows = select.all(after, batchSize) as { id: string; secret: string }[];
      if (rows.length === 0) break;
      this.sqlite.db
        .transaction(() => {
          for (const row of rows) {
            progress.webhooks.scanned++;
            const secret = text.reseal(row.secret, webhookSecretContext(row.id));
            if (secret !== null) progress.webhooks.resealed += update.run(secret, row.id, row.secret).changes;
          }
        })
        .immediate();
      after = rows[rows.length - 1].id;
      onBatch?.(progress);
    }
  }

  private rotateOutbox(batchSize: number, progress: RotationProgress, onBatch?: (p: RotationProgress) => void): void {
    const text = new SealedText(this.cipher);
    // Only rows already sealed; plaintext ones are sealed by SqliteOutboxMailer at start.
    const select = this.sqlite.db.prepare(
      'SELECT idempotency_key, recipient, subject, body FROM mail_outbox WHERE sealed = 1 AND idempotency_key > ? ORDER BY idempotency_key LIMIT ?',
    );
    const update = this.sqlite.db.prepare(
      'UPDATE mail_outbox SET recipient = ?, subject = ?, body = ? WHERE idempotency_key = ? AND recipient = ? AND subject = ? AND body = ?',
    );
    let after = '';
    for (;;) {
      const rows = select.all(after, batchSize) as { idempotency_key: string; recipient: string; subject: string; body: string }[];
      if (rows.length === 0) break;
      this.sqlite.db
        .transaction(() => {
          for (const row of rows) {
            progress.outbox.scanned++;
            const key = row.idempotency_key;
            const to = text.reseal(row.recipient, outboxContext(key, 'to'));
            const subject = text.reseal(row.subject, outboxContext(key, 'subject'));
            const body = text.reseal(row.body, outboxContext(key, 'text'));
            if (to === null && subject === null && body === null) continue;
            progress.outbox.resealed += update.run(
              to ?? row.recipient,
              subject ?? row.subject,
              body ?? row.body,
              key,
              row.recipient,
              row.subject,
              row.body,
            ).changes;
          }
        })
        .immediate();
      after = rows[rows.length - 1].idempotency_key;
      onBatch?.(progress);
    }
  }

  private async rotateFiles(batchSize: number, progress: RotationProgress, onBatch?: (p: RotationProgress) => void): Promise<void> {
    let names: string[];
    try {
      names = (await readdir(this.attachmentsDir)).filter((name) => /^[A-Za-z0-9][A-Za-z0-9_-]*\.bin$/.test(name)).sort();
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return;
      throw error;
    }
    const exists = this.sqlite.db.prepare('SELECT 1 FROM attachments WHERE id = ?');
    for (let i = 0; i < names.length; i++) {
      const id = names[i].slice(0, -'.bin'.length);
      const path = join(this.attachmentsDir, names[i]);
      progress.files.scanned++;
      let sealed: Buffer;
      try {
        sealed = await readFile(path);
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code === 'ENOENT') continue; // deleted meanwhile
        throw error;
      }
      if (this.cipher.keyIdOf(sealed) !== this.cipher.activeKeyId) {
        const plaintext = this.cipher.open(sealed, attachmentContext(id));
        const temporary = join(this.attachmentsDir, `.${id}.${randomBytes(6).toString('hex')}.part`);
        await writeFile(temporary, this.cipher.seal(plaintext, attachmentContext(id)), { mode: 0o600, flag: 'wx' });
        await rename(temporary, path);
        // Deleted while we re-sealed it: do not bring it back.
        if (!exists.get(id)) await unlink(path).catch(() => undefined);
        else progress.files.resealed++;
      }
      if ((i + 1) % batchSize === 0) onBatch?.(progress);
    }
    onBatch?.(progress);
  }
}
