import { Injectable, Logger, Optional } from '@nestjs/common';
import { ContentCipher, EmailAlreadyRegisteredError, User, UserRepository } from '@primetrade/domain';
import { BlindIndex } from '../../core/security/blind-index';
import { isUniqueViolation, SqliteDatabase } from '../database/sqlite-database';
import { SqliteEventOutbox } from '../events/sqlite-event-outbox';

interface UserRow {
  id: string;
  name: string;
  email: string;
  email_index: string | null;
  password_hash: string;
  is_active: number;
  email_confirmed_at: number | null;
  created_at: number;
  updated_at: number;
}

/** Purpose label of the email blind index. */
const EMAIL_INDEX = 'users.email';
const LEGACY_BATCH = 500;

/**
 * Users on SQLite with email and name encrypted at rest (AES-256-GCM through ContentCipher, the
 * record id and field as associated data, so a value copied to another user or column does not
 * open). The unique index and the login look-up use `email_index`, a blind index of the
 * normalised email. Rows written before encryption are sealed when the repository starts.
 */
@Injectable()
export class SqliteUserRepository extends UserRepository {
  private readonly logger = new Logger('SqliteUserRepository');

  constructor(
    private readonly sqlite: SqliteDatabase,
    private readonly cipher: ContentCipher,
    private readonly index: BlindIndex,
    /** With it, a registration records UserRegistered in the same transaction (the app binds it). */
    @Optional() private readonly outbox?: SqliteEventOutbox,
  ) {
    super();
    this.sealLegacyRows();
  }

  async findById(id: string): Promise<User | null> {
    const row = this.sqlite.statement('SELECT * FROM users WHERE id = ?').get(id) as UserRow | undefined;
    return row ? this.toDomain(row) : null;
  }

  async findByEmail(email: string): Promise<User | null> {
    const row = this.sqlite.statement('SELECT * FROM users WHERE email_index = ?').get(this.emailIndex(email)) as UserRow | undefined;
    return row ? this.toDomain(row) : null;
  }

  async updatePassword(user: User): Promise<void> {
    const p = user.toProps();
    this.sqlite
      .statement('UPDATE users SET password_hash = ?, updated_at = ? WHERE id = ?')
      .run(p.passwordHash, p.updatedAt.getTime(), p.id);
  }

  async updateEmail(user: User): Promise<void> {
    const p = user.toProps();
    try {
      this.sqlite
        .statement('UPDATE users SET email = ?, email_index = ?, email_confirmed_at = ?, updated_at = ? WHERE id = ?')
        .run(
          this.seal(p.id, 'email', p.email),
          this.emailIndex(p.email),
          p.emailConfirmedAt?.getTime() ?? null,
          p.updatedAt.getTime(),
          p.id,
        );
    } catch (error) {
      if (isUniqueViolation(error, 'users.email_index')) throw new EmailAlreadyRegisteredError();
      throw error;
    }
  }

  async create(user: User): Promise<void> {
    const p = user.toProps();
    try {
      this.sqlite.db
        .transaction(() => {
          this.sqlite
            .statement(
              'INSERT INTO users (id, name, email, email_index, password_hash, is_active, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)',
            )
            .run(
              p.id,
              this.seal(p.id, 'name', p.name),
              this.seal(p.id, 'email', p.email),
              this.emailIndex(p.email),
              p.passwordHash,
              p.isActive ? 1 : 0,
              p.createdAt.getTime(),
              p.updatedAt.getTime(),
            );
          this.outbox?.takeFrom(user);
        })
        .immediate();
    } catch (error) {
      if (isUniqueViolation(error, 'users.email_index')) throw new EmailAlreadyRegisteredError();
      throw error;
    }
  }

  /** Seals rows stored in plaintext (email_index NULL), in batches; idempotent and resumable. */
  sealLegacyRows(): number {
    const select = this.sqlite.statement(`SELECT * FROM users WHERE email_index IS NULL LIMIT ${LEGACY_BATCH}`);
    const update = this.sqlite.statement('UPDATE users SET name = ?, email = ?, email_index = ? WHERE id = ? AND email_index IS NULL');
    let sealed = 0;
    for (;;) {
      const rows = select.all() as UserRow[];
      if (rows.length === 0) break;
      this.sqlite.db
        .transaction(() => {
          for (const row of rows)
            update.run(this.seal(row.id, 'name', row.name), this.seal(row.id, 'email', row.email), this.emailIndex(row.email), row.id);
        })
        .immediate();
      sealed += rows.length;
    }
    if (sealed > 0) this.logger.log(`encrypted email and name of ${sealed} existing user(s)`);
    return sealed;
  }

  private emailIndex(email: string): string {
    return this.index.of(EMAIL_INDEX, email);
  }

  private seal(id: string, field: 'email' | 'name', value: string): string {
    return Buffer.from(this.cipher.seal(Buffer.from(value, 'utf8'), `users/${id}/${field}`)).toString('base64');
  }

  private open(id: string, field: 'email' | 'name', value: string): string {
    return Buffer.from(this.cipher.open(Buffer.from(value, 'base64'), `users/${id}/${field}`)).toString('utf8');
  }

  private toDomain(row: UserRow): User {
    return User.restore({
      id: row.id,
      name: this.open(row.id, 'name', row.name),
      email: this.open(row.id, 'email', row.email),
      passwordHash: row.password_hash,
      isActive: row.is_active === 1,
      emailConfirmedAt: row.email_confirmed_at === null ? null : new Date(row.email_confirmed_at),
      createdAt: new Date(row.created_at),
      updatedAt: new Date(row.updated_at),
    });
  }
}
