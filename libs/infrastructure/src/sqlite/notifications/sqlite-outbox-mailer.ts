import { Injectable, Logger } from '@nestjs/common';
import { ContentCipher, type MailMessage, Mailer } from '@primetrade/domain';
import { SqliteDatabase } from '../database/sqlite-database';
import { outboxContext, SealedText } from '../../core/notifications/sealed-text';
import type { StoredMail } from '../../core/notifications/stored-mail';

interface OutboxRow {
  idempotency_key: string;
  recipient: string;
  subject: string;
  body: string;
  created_at: number;
  /** Whose mail it is; NULL on rows written before migration 19. */
  owner_id: string | null;
  /** 1: recipient, subject and body are sealed values; 0: a row written before migration 6. */
  sealed: number;
}

export type { StoredMail };

const LEGACY_BATCH = 500;

/**
 * The default mailer: keeps each message in the `mail_outbox` table (once per key) instead of
 * sending. Recipient, subject and body are sealed at rest (ContentCipher, associated data
 * `outbox/<idempotency key>/<to|subject|text>`); rows written before are sealed when it starts.
 */
@Injectable()
export class SqliteOutboxMailer extends Mailer {
  private readonly logger = new Logger('SqliteOutboxMailer');
  private readonly text: SealedText;

  constructor(
    private readonly sqlite: SqliteDatabase,
    cipher: ContentCipher,
  ) {
    super();
    this.text = new SealedText(cipher);
    this.sealLegacyRows();
  }

  async send(m: MailMessage): Promise<void> {
    const key = m.idempotencyKey;
    this.sqlite
      .statement(
        'INSERT INTO mail_outbox (idempotency_key, owner_id, recipient, subject, body, created_at, sealed) VALUES (?, ?, ?, ?, ?, ?, 1) ON CONFLICT DO NOTHING',
      )
      .run(
        key,
        m.userId,
        this.text.seal(m.to, outboxContext(key, 'to')),
        this.text.seal(m.subject, outboxContext(key, 'subject')),
        this.text.seal(m.text, outboxContext(key, 'text')),
        Date.now(),
      );
  }

  /** The stored messages, opened, oldest first (operators and tests read the outbox here, not in SQL). */
  async messages(): Promise<StoredMail[]> {
    const rows = this.sqlite.statement('SELECT * FROM mail_outbox ORDER BY created_at, idempotency_key').all() as OutboxRow[];
    return rows.map((row) => this.open(row));
  }

  /** Seals rows stored in plaintext (sealed = 0), in batches; idempotent and resumable. */
  sealLegacyRows(): number {
    const select = this.sqlite.statement(`SELECT * FROM mail_outbox WHERE sealed = 0 LIMIT ${LEGACY_BATCH}`);
    const update = this.sqlite.statement(
      'UPDATE mail_outbox SET recipient = ?, subject = ?, body = ?, sealed = 1 WHERE idempotency_key = ? AND sealed = 0',
    );
    let sealed = 0;
    for (;;) {
      const rows = select.all() as OutboxRow[];
      if (rows.length === 0) break;
      this.sqlite.db
        .transaction(() => {
          for (const row of rows) {
            const key = row.idempotency_key;
            update.run(
              this.text.seal(row.recipient, outboxContext(key, 'to')),
              this.text.seal(row.subject, outboxContext(key, 'subject')),
              this.text.seal(row.body, outboxContext(key, 'text')),
              key,
            );
          }
        })
        .immediate();
      sealed += rows.length;
    }
    if (sealed > 0) this.logger.log(`encrypted recipient, subject and body of ${sealed} stored mail(s)`);
    return sealed;
  }

  private open(row: OutboxRow): StoredMail {
    const key = row.idempotency_key;
    const field = (stored: string, name: 'to' | 'subject' | 'text') =>
      row.sealed === 1 ? this.text.open(stored, outboxContext(key, name)) : stored;
    return {
      idempotencyKey: key,
      userId: row.owner_id,
      to: field(row.recipient, 'to'),
      subject: field(row.subject, 'subject'),
      text: field(row.body, 'text'),
      createdAt: new Date(row.created_at),
    };
  }
}
