import { randomBytes } from 'node:crypto';
import { describeIdempotencyStoreContract } from '@primetrade/testing';
import { AesGcmContentCipher } from '../../core/security/aes-gcm-content-cipher';
import { SqliteDatabase } from '../database/sqlite-database';
import { SqliteIdempotencyStore } from './sqlite-idempotency.store';

const cipher = () =>
  new AesGcmContentCipher({ keys: new Map([['k1', randomBytes(32)]]), activeKeyId: 'k1', blindIndexKey: randomBytes(32) });

describeIdempotencyStoreContract('sqlite', async () => new SqliteIdempotencyStore(new SqliteDatabase({ file: ':memory:' }), cipher()));

describe('SqliteIdempotencyStore at rest', () => {
  it('keeps the stored response sealed, bound to its user and key', async () => {
    const sqlite = new SqliteDatabase({ file: ':memory:' });
    const store = new SqliteIdempotencyStore(sqlite, cipher());
    const now = new Date('2026-06-15T12:00:00.000Z');
    await store.claim('u1', 'k1', 'fp', now, new Date(now.getTime() + 1000));
    await store.complete('u1', 'k1', { status: 201, headers: {}, body: '{"title":"Secret plans"}' });
    const raw = sqlite.statement('SELECT response FROM idempotency_keys').get() as { response: string };
    expect(Buffer.from(raw.response, 'base64').toString('latin1')).not.toContain('Secret plans');
    // Copied under another user, it does not open.
    sqlite.statement("UPDATE idempotency_keys SET owner_id = 'u2'").run();
    await expect(store.claim('u2', 'k1', 'fp', now, new Date(now.getTime() + 1000))).rejects.toThrow();
  });
});
