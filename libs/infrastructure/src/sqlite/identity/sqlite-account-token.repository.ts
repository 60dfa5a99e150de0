import { Injectable } from '@nestjs/common';
import {
  type AccountToken,
  type AccountTokenGrant,
  type AccountTokenPurpose,
  AccountTokenRepository,
  ContentCipher,
} from '@primetrade/domain';
import { SealedText } from '../../core/notifications/sealed-text';
import { SqliteDatabase } from '../database/sqlite-database';

/**
 * Account tokens in the embedded store (table `account_tokens`, keyed by the token hash). The
 * address a confirmation is for is sealed like the users' own emails.
 */
@Injectable()
export class SqliteAccountTokenRepository extends AccountTokenRepository {
  private readonly text: SealedText;

  constructor(
    private readonly sqlite: SqliteDatabase,
    cipher: ContentCipher,
  ) {
    super();
    this.text = new SealedText(cipher);
  }

  async save(token: AccountToken, now: Date): Promise<void> {
    // Expired tokens are of no use to anyone: cleared as new ones come.
    this.sqlite.statement('DELETE FROM account_tokens WHERE expires_at <= ?').run(now.getTime());
    this.sqlite
      .statement(
        'INSERT INTO account_tokens (token_hash, purpose, user_id, email, expires_at, used_at, created_at) VALUES (?, ?, ?, ?, ?, NULL, ?)',
      )
      .run(
        token.tokenHash,
        token.purpose,
        token.userId,
        token.email === null ? null : this.text.seal(token.email, aad(token.tokenHash)),
        token.expiresAt.getTime(),
        now.getTime(),
      );
  }

  /** One statement marks it used and returns the grant: two racing uses cannot both have it. */
  async consume(purpose: AccountTokenPurpose, tokenHash: string, now: Date): Promise<AccountTokenGrant | null> {
    const row = this.sqlite
      .statement(
        'UPDATE account_tokens SET used_at = ? WHERE token_hash = ? AND purpose = ? AND used_at IS NULL AND expires_at > ? RETURNING user_id, email',
      )
      .get(now.getTime(), tokenHash, purpose, now.getTime()) as { user_id: string; email: string | null } | undefined;
    return row ? { userId: row.user_id, email: row.email === null ? null : this.text.open(row.email, aad(tokenHash)) } : null;
  }

  async deleteAllOfUser(userId: string): Promise<void> {
    this.sqlite.statement('DELETE FROM account_tokens WHERE user_id = ?').run(userId);
  }
}

const aad = (tokenHash: string) => `account_tokens/${tokenHash}/email`;
