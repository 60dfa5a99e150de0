import { Injectable } from '@nestjs/common';
import { ContentCipher, type IdempotencyClaim, IdempotencyStore, type StoredResponse } from '@primetrade/domain';
import { openResponse, sealResponse } from '../../core/idempotency/response-sealing';
import { SqliteDatabase } from '../database/sqlite-database';

interface IdempotencyRow {
  fingerprint: string;
  response: string | null;
}

/** Expired records are purged at most this often (claims overwrite them anyway). */
const PURGE_EVERY_MS = 60_000;

/**
 * Idempotency records in the embedded store (table `idempotency_keys`). The claim is one
 * statement, so concurrent retries cannot both win. Stored responses can hold task content,
 * so they are sealed like every other personal field.
 */
@Injectable()
export class SqliteIdempotencyStore extends IdempotencyStore {
  private lastPurge = 0;

  constructor(
    private readonly sqlite: SqliteDatabase,
    private readonly cipher: ContentCipher,
  ) {
    super();
  }

  async claim(ownerId: string, key: string, fingerprint: string, now: Date, expiresAt: Date): Promise<IdempotencyClaim> {
    this.purgeExpired(now);
    const claimed = this.sqlite
      .statement(
        `INSERT INTO idempotency_keys (owner_id, key, fingerprint, expires_at, response) VALUES (?, ?, ?, ?, NULL)
         ON CONFLICT (owner_id, key) DO UPDATE SET fingerprint = excluded.fingerprint, expires_at = excluded.expires_at, response = NULL
         WHERE idempotency_keys.expires_at <= ?`,
      )
      .run(ownerId, key, fingerprint, expiresAt.getTime(), now.getTime());
    if (claimed.changes === 1) return { outcome: 'claimed' };
    const row = this.sqlite
      .statement('SELECT fingerprint, response FROM idempotency_keys WHERE owner_id = ? AND key = ?')
      .get(ownerId, key) as IdempotencyRow | undefined;
    if (!row) return this.claim(ownerId, key, fingerprint, now, expiresAt); // released in between
    if (row.fingerprint !== fingerprint) return { outcome: 'mismatch' };
    if (row.response === null) return { outcome: 'in-progress' };
    return { outcome: 'replay', response: openResponse(this.cipher, ownerId, key, row.response) };
  }

  async complete(ownerId: string, key: string, response: StoredResponse): Promise<void> {
    this.sqlite
      .statement('UPDATE idempotency_keys SET response = ? WHERE owner_id = ? AND key = ?')
      .run(sealResponse(this.cipher, ownerId, key, response), ownerId, key);
  }

  async release(ownerId: string, key: string): Promise<void> {
    this.sqlite.statement('DELETE FROM idempotency_keys WHERE owner_id = ? AND key = ?').run(ownerId, key);
  }

  private purgeExpired(now: Date): void {
    if (now.getTime() - this.lastPurge < PURGE_EVERY_MS) return;
    this.lastPurge = now.getTime();
    this.sqlite.statement('DELETE FROM idempotency_keys WHERE expires_at <= ?').run(now.getTime());
  }
}
