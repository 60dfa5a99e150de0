import { Injectable } from '@nestjs/common';
import { type MailMessage, Mailer } from '@primetrade/domain';
import { SqliteDatabase } from '../../persistence/sqlite/sqlite-database';

/** The default mailer: keeps each message in the `mail_outbox` table (once per key) instead of sending. */
@Injectable()
export class SqliteOutboxMailer extends Mailer {
  constructor(private readonly sqlite: SqliteDatabase) {
    super();
  }

  async send(m: MailMessage): Promise<void> {
    this.sqlite
      .statement('INSERT INTO mail_outbox (idempotency_key, recipient, subject, body, created_at) VALUES (?, ?, ?, ?, ?) ON CONFLICT DO NOTHING')
      .run(m.idempotencyKey, m.to, m.subject, m.text, Date.now());
  }
}
