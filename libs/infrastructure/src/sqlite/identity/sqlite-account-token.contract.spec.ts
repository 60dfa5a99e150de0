import { randomBytes } from 'node:crypto';
import { describeAccountTokenContract } from '@primetrade/testing';
import { AesGcmContentCipher } from '../../core/security/aes-gcm-content-cipher';
import { SqliteDatabase } from '../database/sqlite-database';
import { SqliteAccountTokenRepository } from './sqlite-account-token.repository';

const cipher = new AesGcmContentCipher({ keys: new Map([['k1', randomBytes(32)]]), activeKeyId: 'k1', blindIndexKey: randomBytes(32) });

describeAccountTokenContract('sqlite', async () => new SqliteAccountTokenRepository(new SqliteDatabase({ file: ':memory:' }), cipher));

describe('SqliteAccountTokenRepository at rest', () => {
  it('keeps the address of a confirmation sealed, never in plaintext', async () => {
    const sqlite = new SqliteDatabase({ file: ':memory:' });
    const tokens = new SqliteAccountTokenRepository(sqlite, cipher);
    const now = new Date('2026-06-15T12:00:00.000Z');
    await tokens.save(
      {
        purpose: 'email-confirmation',
        tokenHash: 'h1',
        userId: 'u1',
        email: 'secret@example.com',
        expiresAt: new Date(now.getTime() + 60_000),
      },
      now,
    );
    const row = sqlite.db.prepare('SELECT email FROM account_tokens').get() as { email: string };
    expect(row.email).not.toContain('secret');
    expect(await tokens.consume('email-confirmation', 'h1', now)).toEqual({ userId: 'u1', email: 'secret@example.com' });
  });
});
