import { Injectable } from '@nestjs/common';
import { PasswordResetRepository } from '@primetrade/domain';
import { SqliteDatabase } from '../database/sqlite-database';

/** Password-reset tokens in the embedded store (table `password_resets`, keyed by the token hash). */
@Injectable()
export class SqlitePasswordResetRepository extends PasswordResetRepository {
  constructor(private readonly sqlite: SqliteDatabase) {
    super();
  }

  async save(userId: string, tokenHash: string, expiresAt: Date, now: Date): Promise<void> {
    // Expired tokens are of no use to anyone: cleared as new ones come.
    this.sqlite.statement('DELETE FROM password_resets WHERE expires_at <= ?').run(now.getTime());
    this.sqlite
      .statement('INSERT INTO password_resets (token_hash, user_id, expires_at, used_at, created_at) VALUES (?, ?, ?, NULL, ?)')
      .run(tokenHash, userId, expiresAt.getTime(), now.getTime());
  }

  /** One statement marks it used and returns the user: two racing resets cannot both have it. */
  async consume(tokenHash: string, now: Date): Promise<string | null> {
    const row = this.sqlite
      .statement('UPDATE password_resets SET used_at = ? WHERE token_hash = ? AND used_at IS NULL AND expires_at > ? RETURNING user_id')
      .get(now.getTime(), tokenHash, now.getTime()) as { user_id: string } | undefined;
    return row?.user_id ?? null;
  }
}
