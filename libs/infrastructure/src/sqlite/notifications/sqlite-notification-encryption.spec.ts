import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { DataIntegrityError, Notification } from '@primetrade/domain';
import { MIGRATIONS } from '../database/migrations';
import { migrate, SqliteDatabase } from '../database/sqlite-database';
import { AesGcmContentCipher } from '../../core/security/aes-gcm-content-cipher';
import { SqliteNotificationRepository } from './sqlite-notification.repository';
import { SqliteOutboxMailer } from './sqlite-outbox-mailer';

const NOW = new Date('2026-06-15T12:00:00.000Z');
const k1 = randomBytes(32);
const cipher = () => new AesGcmContentCipher({ keys: new Map([['k1', k1]]), activeKeyId: 'k1', blindIndexKey: randomBytes(32) });
const notification = (id: string, taskId: string, title: string, ownerId = 'u1') =>
  Notification.create({ id, ownerId, taskId, type: 'task-due', taskTitle: title, dueDate: NOW, now: NOW });
const mail = (key: string, to = 'ada@example.com', title = 'Quarterly numbers') => ({
  userId: 'u1',
  to,
  subject: `Task due soon: ${title}`,
  text: `Your task "${title}" is due.`,
  idempotencyKey: key,
});

describe('notification stores on SQLite: sealed at rest', () => {
  let dir: string;
  let file: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'primetrade-notifications-'));
    file = join(dir, 'db.sqlite');
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('keeps no plaintext title in a notification row, and lists and reads it back', async () => {
    const sqlite = new SqliteDatabase({ file });
    const repo = new SqliteNotificationRepository(sqlite, cipher());
    await repo.insertIfAbsent(notification('n1', 't1', 'Quarterly numbers'));
    // A second insert for the same (task, type) returns the stored one, opened.
    expect((await repo.insertIfAbsent(notification('n2', 't1', 'Other')))?.toProps()).toMatchObject({
      id: 'n1',
      taskTitle: 'Quarterly numbers',
    });
    const rows = sqlite.db.prepare('SELECT * FROM notifications').all() as { task_title: string; sealed: number }[];
    expect(JSON.stringify(rows)).not.toMatch(/Quarterly|numbers/);
    expect(rows).toEqual([expect.objectContaining({ sealed: 1 })]);
    expect((await repo.list('u1', null, 10)).map((n) => n.taskTitle)).toEqual(['Quarterly numbers']);
    expect((await repo.findById('u1', 'n1'))?.taskTitle).toBe('Quarterly numbers');
    sqlite.close();
  });

  it('keeps no plaintext email, subject or body in an outbox row, and reads the message back', async () => {
    const sqlite = new SqliteDatabase({ file });
    const outbox = new SqliteOutboxMailer(sqlite, cipher());
    await outbox.send(mail('task-due:t1'));
    await outbox.send(mail('task-due:t1', 'other@example.com')); // the same key: stored once
    const dump = JSON.stringify(sqlite.db.prepare('SELECT * FROM mail_outbox').all());
    expect(dump).not.toMatch(/ada|example\.com|Quarterly|numbers|due soon|is due/i);
    expect(await outbox.messages()).toEqual([{ ...mail('task-due:t1'), createdAt: expect.any(Date) }]);
    sqlite.close();
  });

  it('refuses a title or a recipient copied to another record or field, and a tampered value', async () => {
    const sqlite = new SqliteDatabase({ file });
    const repo = new SqliteNotificationRepository(sqlite, cipher());
    const outbox = new SqliteOutboxMailer(sqlite, cipher());
    await repo.insertIfAbsent(notification('n1', 't1', 'Mine'));
    await repo.insertIfAbsent(notification('n2', 't2', 'Theirs', 'u2'));
    sqlite.db
      .prepare('UPDATE notifications SET task_title = (SELECT task_title FROM notifications WHERE id = ?) WHERE id = ?')
      .run('n2', 'n1');
    await expect(repo.findById('u1', 'n1')).rejects.toBeInstanceOf(DataIntegrityError);

    await outbox.send(mail('task-due:t1'));
    await outbox.send(mail('task-due:t2', 'grace@example.com'));
    sqlite.db
      .prepare('UPDATE mail_outbox SET recipient = (SELECT recipient FROM mail_outbox WHERE idempotency_key = ?) WHERE idempotency_key = ?')
      .run('task-due:t2', 'task-due:t1');
    await expect(outbox.messages()).rejects.toBeInstanceOf(DataIntegrityError);
    sqlite.db.prepare('DELETE FROM mail_outbox WHERE idempotency_key = ?').run('task-due:t1');
    sqlite.db.prepare('UPDATE mail_outbox SET subject = body WHERE idempotency_key = ?').run('task-due:t2');
    await expect(outbox.messages()).rejects.toBeInstanceOf(DataIntegrityError);
    sqlite.close();
  });

  it('seals rows written before migration 6 when the stores start, in batches, once', async () => {
    const legacy = new Database(file);
    migrate(
      legacy,
      MIGRATIONS.filter((m) => m.version <= 5),
    );
    const insertNotification = legacy.prepare(
      "INSERT INTO notifications (id, owner_id, task_id, type, task_title, due_at, created_at) VALUES (?, 'u1', ?, 'task-due', ?, ?, ?)",
    );
    const insertMail = legacy.prepare(
      'INSERT INTO mail_outbox (idempotency_key, recipient, subject, body, created_at) VALUES (?, ?, ?, ?, ?)',
    );
    legacy.transaction(() => {
      for (let i = 0; i < 1203; i++) {
        insertNotification.run(`n${String(i).padStart(4, '0')}`, `t${i}`, `Legacy title ${i}`, NOW.getTime(), NOW.getTime() + i);
        insertMail.run(
          `task-due:t${i}`,
          `user${i}@example.com`,
          `Task due soon: Legacy title ${i}`,
          `Your task "Legacy title ${i}" is due.`,
          NOW.getTime() + i,
        );
      }
    })();
    legacy.close();

    const sqlite = new SqliteDatabase({ file });
    const repo = new SqliteNotificationRepository(sqlite, cipher());
    const outbox = new SqliteOutboxMailer(sqlite, cipher());
    expect(JSON.stringify(sqlite.db.prepare('SELECT task_title FROM notifications').all())).not.toMatch(/Legacy/);
    expect(JSON.stringify(sqlite.db.prepare('SELECT recipient, subject, body FROM mail_outbox').all())).not.toMatch(/example\.com|Legacy/);
    expect(sqlite.db.prepare('SELECT COUNT(*) AS n FROM notifications WHERE sealed = 0').get()).toEqual({ n: 0 });
    expect(sqlite.db.prepare('SELECT COUNT(*) AS n FROM mail_outbox WHERE sealed = 0').get()).toEqual({ n: 0 });
    expect((await repo.findById('u1', 'n1202'))?.taskTitle).toBe('Legacy title 1202');
    expect((await repo.list('u1', null, 2)).map((n) => n.taskTitle)).toEqual(['Legacy title 1202', 'Legacy title 1201']);
    const messages = await outbox.messages();
    expect(messages).toHaveLength(1203);
    expect(messages[7]).toMatchObject({
      to: 'user7@example.com',
      subject: 'Task due soon: Legacy title 7',
      text: 'Your task "Legacy title 7" is due.',
    });
    expect(repo.sealLegacyRows()).toBe(0);
    expect(outbox.sealLegacyRows()).toBe(0);
    sqlite.close();
  });
});
