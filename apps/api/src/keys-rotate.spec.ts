import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { AesGcmContentCipher, BlindIndex, TaskContentSealer } from '@primetrade/infrastructure';
import {
  SqliteDatabase,
  SqliteNotificationRepository,
  SqliteOutboxMailer,
  SqliteTaskRepository,
  SqliteUserRepository,
} from '@primetrade/infrastructure/sqlite';
import { Notification, Task, User } from '@primetrade/domain';
import { loadConfig } from './config/app-config';
import { rotateKeys } from './keys-rotate';

const NOW = new Date('2026-06-15T12:00:00.000Z');

describe('keys:rotate', () => {
  it('re-seals the store with the active key from config, so the old key can go', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'primetrade-keys-rotate-'));
    const k1 = randomBytes(32);
    const k2 = randomBytes(32);
    const blind = randomBytes(32);
    const sqlite = new SqliteDatabase({ file: join(dir, 'primetrade.sqlite') });
    await new SqliteUserRepository(
      sqlite,
      new AesGcmContentCipher({ keys: new Map([['k1', k1]]), activeKeyId: 'k1', blindIndexKey: blind }),
      new BlindIndex(blind),
    ).create(
      User.restore({
        id: 'u1',
        name: 'Ada',
        email: 'ada@example.com',
        passwordHash: 'h',
        isActive: true,
        emailConfirmedAt: null,
        createdAt: NOW,
        updatedAt: NOW,
      }),
    );
    sqlite.close();

    const env = {
      NODE_ENV: 'test',
      DATA_DIR: dir,
      ENCRYPTION_KEYS: `k1:${k1.toString('base64')},k2:${k2.toString('base64')}`,
      ENCRYPTION_ACTIVE_KEY: 'k2',
      BLIND_INDEX_KEY: blind.toString('base64'),
    };
    const logger = { log: jest.fn(), warn: jest.fn() };
    expect(await rotateKeys(loadConfig(env), logger)).toMatchObject({ users: { scanned: 1, resealed: 1 } });
    expect(logger.log).toHaveBeenLastCalledWith(expect.stringMatching(/done: every value is sealed with key "k2"/));

    const after = new SqliteDatabase({ file: join(dir, 'primetrade.sqlite') });
    const onlyK2 = new SqliteUserRepository(
      after,
      new AesGcmContentCipher({ keys: new Map([['k2', k2]]), activeKeyId: 'k2', blindIndexKey: blind }),
      new BlindIndex(blind),
    );
    expect((await onlyK2.findByEmail('ada@example.com'))?.name).toBe('Ada');
    after.close();
    // With MONGODB_URI it works on MongoDB instead (mongo-key-rotation.spec.ts); nothing listens here, so it fails fast.
    await expect(
      rotateKeys(loadConfig({ ...env, MONGODB_URI: 'mongodb://127.0.0.1:1/x', MONGODB_SERVER_SELECTION_TIMEOUT_MS: '300' }), logger),
    ).rejects.toThrow();
    rmSync(dir, { recursive: true, force: true });
  });

  it('with ENCRYPT_TASK_CONTENT=true also seals task rows still in plaintext and re-seals the sealed ones', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'primetrade-keys-rotate-'));
    const [k1, k2, blind] = [randomBytes(32), randomBytes(32), randomBytes(32)];
    const k1Cipher = new AesGcmContentCipher({ keys: new Map([['k1', k1]]), activeKeyId: 'k1', blindIndexKey: blind });
    const sqlite = new SqliteDatabase({ file: join(dir, 'primetrade.sqlite') });
    const task = (id: string, title: string) => {
      const t = Task.create({ id, ownerId: 'u1', title, now: NOW });
      t.pullEvents();
      return Task.restore(t.toProps());
    };
    await new SqliteTaskRepository(sqlite, new TaskContentSealer(k1Cipher, true)).insert(task('t1', 'sealed one'));
    await new SqliteTaskRepository(sqlite, new TaskContentSealer(k1Cipher, false)).insert(task('t2', 'plain one'));
    sqlite.close();

    const env = {
      NODE_ENV: 'test',
      DATA_DIR: dir,
      ENCRYPTION_KEYS: `k1:${k1.toString('base64')},k2:${k2.toString('base64')}`,
      ENCRYPTION_ACTIVE_KEY: 'k2',
      BLIND_INDEX_KEY: blind.toString('base64'),
      ENCRYPT_TASK_CONTENT: 'true',
    };
    expect(await rotateKeys(loadConfig(env), { log: jest.fn(), warn: jest.fn() })).toMatchObject({ tasks: { scanned: 2, resealed: 2 } });

    const after = new SqliteDatabase({ file: join(dir, 'primetrade.sqlite') });
    const onlyK2 = new SqliteTaskRepository(
      after,
      new TaskContentSealer(new AesGcmContentCipher({ keys: new Map([['k2', k2]]), activeKeyId: 'k2', blindIndexKey: blind }), true),
    );
    expect((await onlyK2.findById('u1', 't1'))?.title).toBe('sealed one');
    expect((await onlyK2.findById('u1', 't2'))?.title).toBe('plain one');
    expect(JSON.stringify(after.db.prepare('SELECT title FROM tasks').all())).not.toMatch(/one/);
    after.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('seals notifications and stored mail still in plaintext and re-seals the sealed ones', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'primetrade-keys-rotate-'));
    const [k1, k2, blind] = [randomBytes(32), randomBytes(32), randomBytes(32)];
    const k1Cipher = new AesGcmContentCipher({ keys: new Map([['k1', k1]]), activeKeyId: 'k1', blindIndexKey: blind });
    const sqlite = new SqliteDatabase({ file: join(dir, 'primetrade.sqlite') });
    await new SqliteNotificationRepository(sqlite, k1Cipher).insertIfAbsent(
      Notification.create({ id: 'n1', ownerId: 'u1', taskId: 't1', type: 'task-due', taskTitle: 'Sealed title', dueDate: NOW, now: NOW }),
    );
    await new SqliteOutboxMailer(sqlite, k1Cipher).send({
      userId: 'u1',
      to: 'ada@example.com',
      subject: 'Task due soon: Sealed title',
      text: 'body',
      idempotencyKey: 'task-due:t1',
    });
    // Rows as an older version wrote them.
    sqlite.db
      .prepare(
        "INSERT INTO notifications (id, owner_id, task_id, type, task_title, due_at, created_at) VALUES ('n2', 'u1', 't2', 'task-due', 'Plain title', 0, 0)",
      )
      .run();
    sqlite.db
      .prepare(
        "INSERT INTO mail_outbox (idempotency_key, recipient, subject, body, created_at) VALUES ('task-due:t2', 'grace@example.com', 'Plain title', 'body', 0)",
      )
      .run();
    sqlite.close();

    const env = {
      NODE_ENV: 'test',
      DATA_DIR: dir,
      ENCRYPTION_KEYS: `k1:${k1.toString('base64')},k2:${k2.toString('base64')}`,
      ENCRYPTION_ACTIVE_KEY: 'k2',
      BLIND_INDEX_KEY: blind.toString('base64'),
    };
    expect(await rotateKeys(loadConfig(env), { log: jest.fn(), warn: jest.fn() })).toMatchObject({
      notifications: { scanned: 2, resealed: 1 },
      outbox: { scanned: 2, resealed: 1 },
    });

    const after = new SqliteDatabase({ file: join(dir, 'primetrade.sqlite') });
    const onlyK2 = new AesGcmContentCipher({ keys: new Map([['k2', k2]]), activeKeyId: 'k2', blindIndexKey: blind });
    expect(JSON.stringify(after.db.prepare('SELECT * FROM notifications').all())).not.toMatch(/Sealed title|Plain title/);
    expect(JSON.stringify(after.db.prepare('SELECT * FROM mail_outbox').all())).not.toMatch(/example\.com|Sealed title|Plain title/);
    const notifications = new SqliteNotificationRepository(after, onlyK2);
    expect((await notifications.list('u1', null, 10)).map((n) => n.taskTitle).sort()).toEqual(['Plain title', 'Sealed title']);
    expect((await new SqliteOutboxMailer(after, onlyK2).messages()).map((m) => m.to).sort()).toEqual([
      'ada@example.com',
      'grace@example.com',
    ]);
    after.close();
    rmSync(dir, { recursive: true, force: true });
  });
});
