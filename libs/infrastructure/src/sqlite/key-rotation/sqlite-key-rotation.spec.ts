import { randomBytes } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Attachment, DataIntegrityError, type FileContent, Notification, User } from '@primetrade/domain';
import { EncryptedFileStorage } from '../../core/attachments/encrypted-file-storage';
import { FilesystemFileStorage } from '../../core/attachments/filesystem-file-storage';
import { SqliteNotificationRepository } from '../notifications/sqlite-notification.repository';
import { SqliteOutboxMailer } from '../notifications/sqlite-outbox-mailer';
import { SqliteAttachmentRepository } from '../attachments/sqlite-attachment.repository';
import { SqliteDatabase } from '../database/sqlite-database';
import { SqliteUserRepository } from '../identity/sqlite-user.repository';
import { AesGcmContentCipher } from '../../core/security/aes-gcm-content-cipher';
import { BlindIndex } from '../../core/security/blind-index';
import { SqliteKeyRotation } from './sqlite-key-rotation';

const NOW = new Date('2026-06-15T12:00:00.000Z');
const k1 = randomBytes(32);
const k2 = randomBytes(32);
const blind = randomBytes(32);
const cipher = (active: string, keys: [string, Buffer][]) =>
  new AesGcmContentCipher({ keys: new Map(keys), activeKeyId: active, blindIndexKey: blind });
const old = cipher('k1', [['k1', k1]]);
const rotating = cipher('k2', [
  ['k1', k1],
  ['k2', k2],
]);
const onlyNew = cipher('k2', [['k2', k2]]);

async function* bytes(text: string): FileContent {
  yield Buffer.from(text);
}

async function text(content: FileContent | null): Promise<string> {
  const parts: Uint8Array[] = [];
  for await (const part of content!) parts.push(part);
  return Buffer.concat(parts).toString();
}

describe('SqliteKeyRotation', () => {
  let dir: string;
  let sqlite: SqliteDatabase;
  const attachmentsDir = () => join(dir, 'attachments');

  beforeEach(async () => {
    dir = mkdtempSync(join(tmpdir(), 'primetrade-rotate-'));
    sqlite = new SqliteDatabase({ file: join(dir, 'db.sqlite') });
    const users = new SqliteUserRepository(sqlite, old, new BlindIndex(blind));
    const files = new EncryptedFileStorage(new FilesystemFileStorage(attachmentsDir()), old);
    const attachments = new SqliteAttachmentRepository(sqlite);
    const notifications = new SqliteNotificationRepository(sqlite, old);
    const outbox = new SqliteOutboxMailer(sqlite, old);
    for (let i = 0; i < 7; i++) {
      await notifications.insertIfAbsent(
        Notification.create({
          id: `n${i}`,
          ownerId: `u${i}`,
          taskId: `t${i}`,
          type: 'task-due',
          taskTitle: `Title ${i}`,
          dueDate: NOW,
          now: NOW,
        }),
      );
      await outbox.send({
        userId: 'u1',
        to: `u${i}@example.com`,
        subject: `Task due soon: Title ${i}`,
        text: `Your task "Title ${i}" is due.`,
        idempotencyKey: `task-due:t${i}`,
      });
      await users.create(
        User.restore({
          id: `u${i}`,
          name: `Name ${i}`,
          email: `u${i}@example.com`,
          passwordHash: 'h',
          isActive: true,
          emailConfirmedAt: null,
          createdAt: NOW,
          updatedAt: NOW,
        }),
      );
      await files.write(`a${i}`, bytes(`file ${i}`));
      await attachments.insertWithinLimit(
        Attachment.create(
          { id: `a${i}`, taskId: 't', ownerId: `u${i}`, fileName: 'f.txt', contentType: 'text/plain; charset=utf-8', size: 6 },
          NOW,
        ),
        100,
      );
    }
  });
  afterEach(() => {
    sqlite.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('re-seals every user field and file with the active key, so the old key can be dropped', async () => {
    const batches: number[] = [];
    const progress = await new SqliteKeyRotation(sqlite, rotating, attachmentsDir()).run({
      batchSize: 3,
      onBatch: (p) => batches.push(p.users.scanned),
    });
    expect(progress).toEqual({
      users: { scanned: 7, resealed: 7 },
      tasks: { scanned: 0, resealed: 0 },
      notifications: { scanned: 7, resealed: 7 },
      outbox: { scanned: 7, resealed: 7 },
      webhooks: { scanned: 0, resealed: 0 },
      files: { scanned: 7, resealed: 7 },
    });
    expect(batches.slice(0, 3)).toEqual([3, 6, 7]);

    // Readable with the new key alone.
    const users = new SqliteUserRepository(sqlite, onlyNew, new BlindIndex(blind));
    expect((await users.findByEmail('u6@example.com'))?.name).toBe('Name 6');
    const files = new EncryptedFileStorage(new FilesystemFileStorage(attachmentsDir()), onlyNew);
    expect(await text(await files.read('a3'))).toBe('file 3');
    expect(onlyNew.keyIdOf(readFileSync(join(attachmentsDir(), 'a0.bin')))).toBe('k2');
    expect((await new SqliteNotificationRepository(sqlite, onlyNew).findById('u4', 'n4'))?.taskTitle).toBe('Title 4');
    const mail = (await new SqliteOutboxMailer(sqlite, onlyNew).messages()).find((m) => m.idempotencyKey === 'task-due:t5');
    expect(mail).toMatchObject({
      userId: 'u1',
      to: 'u5@example.com',
      subject: 'Task due soon: Title 5',
      text: 'Your task "Title 5" is due.',
    });

    // A second run has nothing left to do.
    expect(await new SqliteKeyRotation(sqlite, rotating, attachmentsDir()).run()).toEqual({
      users: { scanned: 7, resealed: 0 },
      tasks: { scanned: 0, resealed: 0 },
      notifications: { scanned: 7, resealed: 0 },
      outbox: { scanned: 7, resealed: 0 },
      webhooks: { scanned: 0, resealed: 0 },
      files: { scanned: 7, resealed: 0 },
    });
  });

  it('before rotation the new key alone cannot read old values', async () => {
    await expect(new SqliteUserRepository(sqlite, onlyNew, new BlindIndex(blind)).findById('u1')).rejects.toBeInstanceOf(
      DataIntegrityError,
    );
  });

  it('does not bring back a file whose attachment was deleted', async () => {
    sqlite.db.prepare('DELETE FROM attachments WHERE id = ?').run('a2');
    const progress = await new SqliteKeyRotation(sqlite, rotating, attachmentsDir()).run();
    expect(progress.files).toEqual({ scanned: 7, resealed: 6 });
    expect(() => readFileSync(join(attachmentsDir(), 'a2.bin'))).toThrow(/ENOENT/);
  });
});
