import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { DataIntegrityError, EmailAlreadyRegisteredError, User } from '@primetrade/domain';
import { AesGcmContentCipher } from '../../core/security/aes-gcm-content-cipher';
import { BlindIndex } from '../../core/security/blind-index';
import { MIGRATIONS } from '../database/migrations';
import { migrate, SqliteDatabase } from '../database/sqlite-database';
import { SqliteUserRepository } from './sqlite-user.repository';

const NOW = new Date('2026-06-15T12:00:00.000Z');
const k1 = randomBytes(32);
const k2 = randomBytes(32);
const blindKey = randomBytes(32);
const cipher = (active = 'k1', keys: [string, Buffer][] = [['k1', k1]]) =>
  new AesGcmContentCipher({ keys: new Map(keys), activeKeyId: active, blindIndexKey: blindKey });
const user = (id: string, email: string, name = 'Ada Lovelace') =>
  User.restore({ id, name, email, passwordHash: 'hash', isActive: true, emailConfirmedAt: null, createdAt: NOW, updatedAt: NOW });

interface RawRow {
  id: string;
  name: string;
  email: string;
  email_index: string | null;
}

describe('SqliteUserRepository: email and name encrypted at rest', () => {
  let dir: string;
  let file: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'primetrade-users-'));
    file = join(dir, 'db.sqlite');
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  const raw = (sqlite: SqliteDatabase, id: string) =>
    sqlite.db.prepare('SELECT id, name, email, email_index FROM users WHERE id = ?').get(id) as RawRow;

  it('stores no plaintext email or name, and still finds by email and refuses a duplicate', async () => {
    const sqlite = new SqliteDatabase({ file });
    const users = new SqliteUserRepository(sqlite, cipher(), new BlindIndex(blindKey));
    await users.create(user('u1', 'ada@example.com'));
    const row = raw(sqlite, 'u1');
    const dump = JSON.stringify(sqlite.db.prepare('SELECT * FROM users').all());
    // Words long enough not to turn up by chance in base64 ciphertext (a three-letter "ada" did).
    expect(dump).not.toMatch(/ada@example\.com|Lovelace|example\.com/i);
    expect(row.email_index).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect((await users.findByEmail('ada@example.com'))?.toProps()).toMatchObject({
      id: 'u1',
      email: 'ada@example.com',
      name: 'Ada Lovelace',
    });
    expect((await users.findById('u1'))?.name).toBe('Ada Lovelace');
    await expect(users.create(user('u2', 'ada@example.com', 'Someone Else'))).rejects.toBeInstanceOf(EmailAlreadyRegisteredError);
    sqlite.close();
  });

  it('detects a tampered value and a value copied from another user', async () => {
    const sqlite = new SqliteDatabase({ file });
    const users = new SqliteUserRepository(sqlite, cipher(), new BlindIndex(blindKey));
    await users.create(user('u1', 'ada@example.com'));
    await users.create(user('u2', 'grace@example.com', 'Grace Hopper'));
    sqlite.db.prepare('UPDATE users SET name = (SELECT name FROM users WHERE id = ?) WHERE id = ?').run('u1', 'u2');
    await expect(users.findById('u2')).rejects.toBeInstanceOf(DataIntegrityError);
    const sealed = Buffer.from(raw(sqlite, 'u1').email, 'base64');
    sealed[sealed.length - 1] ^= 0x01;
    sqlite.db.prepare('UPDATE users SET email = ? WHERE id = ?').run(sealed.toString('base64'), 'u1');
    await expect(users.findByEmail('ada@example.com')).rejects.toBeInstanceOf(DataIntegrityError);
    sqlite.close();
  });

  it('seals rows written before encryption when it starts, once, and they keep working', async () => {
    const legacy = new Database(file);
    migrate(
      legacy,
      MIGRATIONS.filter((m) => m.version <= 3),
    );
    const insert = legacy.prepare(
      'INSERT INTO users (id, name, email, password_hash, is_active, created_at, updated_at) VALUES (?, ?, ?, ?, 1, ?, ?)',
    );
    legacy.transaction(() => {
      for (let i = 0; i < 1203; i++) insert.run(`u${i}`, `Name ${i}`, `user${i}@example.com`, 'hash', NOW.getTime(), NOW.getTime());
    })();
    legacy.close();

    const sqlite = new SqliteDatabase({ file });
    const users = new SqliteUserRepository(sqlite, cipher(), new BlindIndex(blindKey));
    expect(JSON.stringify(sqlite.db.prepare('SELECT name, email FROM users').all())).not.toMatch(/example\.com|Name \d/);
    expect((sqlite.db.prepare('SELECT COUNT(*) AS n FROM users WHERE email_index IS NULL').get() as { n: number }).n).toBe(0);
    expect((await users.findByEmail('user1202@example.com'))?.name).toBe('Name 1202');
    await expect(users.create(user('new', 'user7@example.com'))).rejects.toBeInstanceOf(EmailAlreadyRegisteredError);
    expect(users.sealLegacyRows()).toBe(0); // nothing left: a restart changes nothing
    const before = raw(sqlite, 'u5');
    new SqliteUserRepository(sqlite, cipher(), new BlindIndex(blindKey));
    expect(raw(sqlite, 'u5')).toEqual(before);
    sqlite.close();
  });

  it('rotation: rows sealed with the old key stay readable after a new key becomes active', async () => {
    const sqlite = new SqliteDatabase({ file });
    await new SqliteUserRepository(sqlite, cipher('k1'), new BlindIndex(blindKey)).create(user('u1', 'ada@example.com'));
    const rotated = new SqliteUserRepository(
      sqlite,
      cipher('k2', [
        ['k1', k1],
        ['k2', k2],
      ]),
      new BlindIndex(blindKey),
    );
    await rotated.create(user('u2', 'grace@example.com', 'Grace Hopper'));
    expect((await rotated.findByEmail('ada@example.com'))?.name).toBe('Ada Lovelace');
    expect((await rotated.findByEmail('grace@example.com'))?.name).toBe('Grace Hopper');
    expect(Buffer.from(raw(sqlite, 'u2').email, 'base64').subarray(5, 7).toString()).toBe('k2');
    sqlite.close();
  });
});
