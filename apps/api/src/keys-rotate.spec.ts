import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { AesGcmContentCipher, BlindIndex, SqliteDatabase, SqliteUserRepository } from '@primetrade/infrastructure';
import { User } from '@primetrade/domain';
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
    await new SqliteUserRepository(sqlite, new AesGcmContentCipher({ keys: new Map([['k1', k1]]), activeKeyId: 'k1', blindIndexKey: blind }), new BlindIndex(blind))
      .create(User.restore({ id: 'u1', name: 'Ada', email: 'ada@example.com', passwordHash: 'h', isActive: true, createdAt: NOW, updatedAt: NOW }));
    sqlite.close();

    const env = { NODE_ENV: 'test', DATA_DIR: dir, ENCRYPTION_KEYS: `k1:${k1.toString('base64')},k2:${k2.toString('base64')}`, ENCRYPTION_ACTIVE_KEY: 'k2', BLIND_INDEX_KEY: blind.toString('base64') };
    const logger = { log: jest.fn(), warn: jest.fn() };
    expect(await rotateKeys(loadConfig(env), logger)).toMatchObject({ users: { scanned: 1, resealed: 1 } });
    expect(logger.log).toHaveBeenLastCalledWith(expect.stringMatching(/done: every value is sealed with key "k2"/));

    const after = new SqliteDatabase({ file: join(dir, 'primetrade.sqlite') });
    const onlyK2 = new SqliteUserRepository(after, new AesGcmContentCipher({ keys: new Map([['k2', k2]]), activeKeyId: 'k2', blindIndexKey: blind }), new BlindIndex(blind));
    expect((await onlyK2.findByEmail('ada@example.com'))?.name).toBe('Ada');
    after.close();
    await expect(rotateKeys(loadConfig({ ...env, MONGODB_URI: 'mongodb://127.0.0.1:1/x' }), logger)).rejects.toThrow(/SQLite store only/);
    rmSync(dir, { recursive: true, force: true });
  });
});
