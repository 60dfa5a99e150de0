import { Injectable } from '@nestjs/common';
import {
  type DueWebhookDelivery,
  type WebhookAttempt,
  type WebhookDelivery,
  type WebhookDeliveryStatus,
  WebhookDeliveryStore,
  type WebhookEventType,
} from '@primetrade/domain';
import { SqliteDatabase } from '../database/sqlite-database';

interface DeliveryRow {
  id: string;
  webhook_id: string;
  owner_id: string;
  event_type: string;
  order_key: string;
  sequence: string;
  payload: string;
  status: string;
  attempts: string;
  next_attempt_at: number | null;
  created_at: number;
}

interface StoredAttempt {
  at: number;
  statusCode: number | null;
  durationMs: number;
  error: string | null;
}

/** No earlier pending delivery in the same line (one task at one endpoint). */
const HEAD_OF_LINE = `NOT EXISTS (SELECT 1 FROM webhook_deliveries e
  WHERE e.webhook_id = d.webhook_id AND e.order_key = d.order_key AND e.status = 'pending' AND e.sequence < d.sequence)`;

/**
 * The embedded store's own delivery queue (table `webhook_deliveries`): inserted once per id,
 * claimed by a conditional update, due in time order and per line in sequence order.
 */
@Injectable()
export class SqliteWebhookDeliveryStore extends WebhookDeliveryStore {
  constructor(private readonly sqlite: SqliteDatabase) {
    super();
  }

  async enqueue(deliveries: readonly WebhookDelivery[]): Promise<void> {
    const insert = this.sqlite.statement(
      `INSERT INTO webhook_deliveries (id, webhook_id, owner_id, event_type, order_key, sequence, payload, status, attempts, next_attempt_at, created_at)
       VALUES (@id, @webhookId, @ownerId, @eventType, @orderKey, @sequence, @payload, @status, @attempts, @nextAttemptAt, @createdAt)
       ON CONFLICT (id) DO NOTHING`,
    );
    this.sqlite.db
      .transaction(() => {
        for (const d of deliveries) {
          insert.run({
            id: d.id,
            webhookId: d.webhookId,
            ownerId: d.ownerId,
            eventType: d.eventType,
            orderKey: d.orderKey,
            sequence: d.sequence,
            payload: d.payload,
            status: d.status,
            attempts: JSON.stringify(d.attempts.map(toStored)),
            nextAttemptAt: d.nextAttemptAt?.getTime() ?? null,
            createdAt: d.createdAt.getTime(),
          });
        }
      })
      .immediate();
  }

  async claim(id: string, now: Date, lockUntil: Date): Promise<WebhookDelivery | null> {
    const row = this.sqlite
      .statement(
        `UPDATE webhook_deliveries SET locked_until = @lockUntil
         WHERE id = @id AND status = 'pending' AND next_attempt_at <= @now AND locked_until <= @now RETURNING *`,
      )
      .get({ id, now: now.getTime(), lockUntil: lockUntil.getTime() }) as DeliveryRow | undefined;
    return row ? toDomain(row) : null;
  }

  async isHeadOfLine(delivery: WebhookDelivery): Promise<boolean> {
    return !this.sqlite
      .statement(`SELECT 1 FROM webhook_deliveries WHERE webhook_id = ? AND order_key = ? AND status = 'pending' AND sequence < ? LIMIT 1`)
      .get(delivery.webhookId, delivery.orderKey, delivery.sequence);
  }

  async release(id: string): Promise<void> {
    this.sqlite.statement('UPDATE webhook_deliveries SET locked_until = 0 WHERE id = ?').run(id);
  }

  async finishAttempt(id: string, attempt: WebhookAttempt, status: WebhookDeliveryStatus, nextAttemptAt: Date | null): Promise<void> {
    this.sqlite
      .statement(
        `UPDATE webhook_deliveries SET attempts = json_insert(attempts, '$[#]', json(@attempt)), status = @status,
           next_attempt_at = @next, locked_until = 0 WHERE id = @id`,
      )
      .run({ id, attempt: JSON.stringify(toStored(attempt)), status, next: nextAttemptAt?.getTime() ?? null });
  }

  async nextInLine(webhookId: string, orderKey: string): Promise<WebhookDelivery | null> {
    const row = this.sqlite
      .statement(`SELECT * FROM webhook_deliveries WHERE webhook_id = ? AND order_key = ? AND status = 'pending' ORDER BY sequence LIMIT 1`)
      .get(webhookId, orderKey) as DeliveryRow | undefined;
    return row ? toDomain(row) : null;
  }

  async due(now: Date, limit: number): Promise<DueWebhookDelivery[]> {
    const rows = this.sqlite
      .statement(
        `SELECT d.id, d.next_attempt_at, json_array_length(d.attempts) AS attempt_count FROM webhook_deliveries d
         WHERE d.status = 'pending' AND d.next_attempt_at <= @now AND d.locked_until <= @now AND ${HEAD_OF_LINE}
         ORDER BY d.next_attempt_at, d.id LIMIT @limit`,
      )
      .all({ now: now.getTime(), limit }) as { id: string; next_attempt_at: number; attempt_count: number }[];
    return rows.map((r) => ({ id: r.id, attempts: r.attempt_count, at: new Date(r.next_attempt_at) }));
  }

  async prune(before: Date): Promise<number> {
    const remove = this.sqlite.statement(
      `DELETE FROM webhook_deliveries WHERE id IN
         (SELECT id FROM webhook_deliveries WHERE status != 'pending' AND created_at < ? LIMIT ${PRUNE_BATCH})`,
    );
    let total = 0;
    for (;;) {
      const { changes } = remove.run(before.getTime());
      total += changes;
      if (changes < PRUNE_BATCH) return total;
    }
  }

  async list(webhookId: string, limit: number): Promise<WebhookDelivery[]> {
    const rows = this.sqlite
      .statement('SELECT * FROM webhook_deliveries WHERE webhook_id = ? ORDER BY created_at DESC, sequence DESC LIMIT ?')
      .all(webhookId, limit) as DeliveryRow[];
    return rows.map(toDomain);
  }
}

/** Settled deliveries are kept this many per statement, so a large backlog never holds the writer long. */
const PRUNE_BATCH = 1000;

function toStored(a: WebhookAttempt): StoredAttempt {
  return { at: a.at.getTime(), statusCode: a.statusCode, durationMs: a.durationMs, error: a.error };
}

function toDomain(row: DeliveryRow): WebhookDelivery {
  return {
    id: row.id,
    webhookId: row.webhook_id,
    ownerId: row.owner_id,
    eventType: row.event_type as WebhookEventType,
    orderKey: row.order_key,
    sequence: row.sequence,
    payload: row.payload,
    status: row.status as WebhookDeliveryStatus,
    attempts: (JSON.parse(row.attempts) as StoredAttempt[]).map((a) => ({ ...a, at: new Date(a.at) })),
    nextAttemptAt: row.next_attempt_at === null ? null : new Date(row.next_attempt_at),
    createdAt: new Date(row.created_at),
  };
}
