import { Injectable } from '@nestjs/common';
import { ContentCipher, Webhook, type WebhookEventType, type WebhookFailureOutcome, WebhookRepository } from '@primetrade/domain';
import { SealedText } from '../../core/notifications/sealed-text';
import { webhookSecretContext } from '../../core/webhooks/webhook-secret-sealing';
import { SqliteDatabase } from '../database/sqlite-database';

interface WebhookRow {
  id: string;
  owner_id: string;
  url: string;
  events: string;
  enabled: number;
  secret: string;
  created_at: number;
  updated_at: number;
  failing_since: number | null;
  disabled_at: number | null;
}

const date = (ms: number | null): Date | null => (ms === null ? null : new Date(ms));

/** Webhooks in the embedded store (table `webhooks`); the signing secret sealed at rest. */
@Injectable()
export class SqliteWebhookRepository extends WebhookRepository {
  private readonly text: SealedText;

  constructor(
    private readonly sqlite: SqliteDatabase,
    cipher: ContentCipher,
  ) {
    super();
    this.text = new SealedText(cipher);
  }

  async insert(webhook: Webhook): Promise<void> {
    const p = webhook.toProps();
    this.sqlite
      .statement(
        `INSERT INTO webhooks (id, owner_id, url, events, enabled, secret, created_at, updated_at, failing_since, disabled_at)
         VALUES (@id, @ownerId, @url, @events, @enabled, @secret, @createdAt, @updatedAt, @failingSince, @disabledAt)`,
      )
      .run({
        id: p.id,
        ownerId: p.ownerId,
        url: p.url,
        events: JSON.stringify(p.events),
        enabled: p.enabled ? 1 : 0,
        secret: this.text.seal(p.secret, webhookSecretContext(p.id)),
        createdAt: p.createdAt.getTime(),
        updatedAt: p.updatedAt.getTime(),
        failingSince: p.failingSince?.getTime() ?? null,
        disabledAt: p.disabledAt?.getTime() ?? null,
      });
  }

  async update(webhook: Webhook): Promise<void> {
    const p = webhook.toProps();
    this.sqlite
      .statement(
        `UPDATE webhooks SET url = @url, events = @events, enabled = @enabled, updated_at = @updatedAt,
           failing_since = @failingSince, disabled_at = @disabledAt WHERE id = @id`,
      )
      .run({
        id: p.id,
        url: p.url,
        events: JSON.stringify(p.events),
        enabled: p.enabled ? 1 : 0,
        updatedAt: p.updatedAt.getTime(),
        failingSince: p.failingSince?.getTime() ?? null,
        disabledAt: p.disabledAt?.getTime() ?? null,
      });
  }

  async findOwned(ownerId: string, id: string): Promise<Webhook | null> {
    const row = this.sqlite.statement('SELECT * FROM webhooks WHERE id = ? AND owner_id = ?').get(id, ownerId) as WebhookRow | undefined;
    return row ? this.toDomain(row) : null;
  }

  async findById(id: string): Promise<Webhook | null> {
    const row = this.sqlite.statement('SELECT * FROM webhooks WHERE id = ?').get(id) as WebhookRow | undefined;
    return row ? this.toDomain(row) : null;
  }

  async listOwned(ownerId: string): Promise<Webhook[]> {
    const rows = this.sqlite.statement('SELECT * FROM webhooks WHERE owner_id = ? ORDER BY created_at, id').all(ownerId) as WebhookRow[];
    return rows.map((row) => this.toDomain(row));
  }

  async delete(ownerId: string, id: string): Promise<boolean> {
    return this.sqlite.db
      .transaction(() => {
        const deleted = this.sqlite.statement('DELETE FROM webhooks WHERE id = ? AND owner_id = ?').run(id, ownerId).changes === 1;
        if (deleted) this.sqlite.statement('DELETE FROM webhook_deliveries WHERE webhook_id = ?').run(id);
        return deleted;
      })
      .immediate();
  }

  async subscribers(ownerId: string, event: WebhookEventType, occurredAt: Date): Promise<Webhook[]> {
    const rows = this.sqlite
      .statement(
        `SELECT * FROM webhooks WHERE owner_id = ? AND enabled = 1 AND created_at <= ?
           AND EXISTS (SELECT 1 FROM json_each(webhooks.events) WHERE value = ?) ORDER BY created_at, id`,
      )
      .all(ownerId, occurredAt.getTime(), event) as WebhookRow[];
    return rows.map((row) => this.toDomain(row));
  }

  /** One statement per step, each conditional: the disabling write matches for one caller only. */
  async recordFailure(id: string, now: Date, disableIfFailingSince: Date): Promise<WebhookFailureOutcome> {
    return this.sqlite.db
      .transaction((): WebhookFailureOutcome => {
        this.sqlite.statement('UPDATE webhooks SET failing_since = ? WHERE id = ? AND failing_since IS NULL').run(now.getTime(), id);
        const disabled = this.sqlite
          .statement('UPDATE webhooks SET enabled = 0, disabled_at = ? WHERE id = ? AND enabled = 1 AND failing_since <= ?')
          .run(now.getTime(), id, disableIfFailingSince.getTime()).changes;
        return disabled === 1 ? 'disabled' : 'failing';
      })
      .immediate();
  }

  async recordSuccess(id: string): Promise<void> {
    this.sqlite.statement('UPDATE webhooks SET failing_since = NULL WHERE id = ? AND failing_since IS NOT NULL').run(id);
  }

  private toDomain(row: WebhookRow): Webhook {
    return Webhook.restore({
      id: row.id,
      ownerId: row.owner_id,
      url: row.url,
      events: JSON.parse(row.events) as WebhookEventType[],
      enabled: row.enabled === 1,
      secret: this.text.open(row.secret, webhookSecretContext(row.id)),
      createdAt: new Date(row.created_at),
      updatedAt: new Date(row.updated_at),
      failingSince: date(row.failing_since),
      disabledAt: date(row.disabled_at),
    });
  }
}
