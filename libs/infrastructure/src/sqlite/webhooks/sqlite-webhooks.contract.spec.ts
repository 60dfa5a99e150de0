import { randomBytes } from 'node:crypto';
import { describeWebhookStoresContract, webhookFixture } from '@primetrade/testing';
import { AesGcmContentCipher } from '../../core/security/aes-gcm-content-cipher';
import { SqliteDatabase } from '../database/sqlite-database';
import { SqliteWebhookDeliveryStore } from './sqlite-webhook-delivery.store';
import { SqliteWebhookRepository } from './sqlite-webhook.repository';

const cipher = new AesGcmContentCipher({ keys: new Map([['k1', randomBytes(32)]]), activeKeyId: 'k1', blindIndexKey: randomBytes(32) });

describeWebhookStoresContract('sqlite', async () => {
  const sqlite = new SqliteDatabase({ file: ':memory:' });
  return { webhooks: new SqliteWebhookRepository(sqlite, cipher), deliveries: new SqliteWebhookDeliveryStore(sqlite) };
});

describe('SqliteWebhookRepository at rest', () => {
  it('keeps the signing secret sealed, bound to its webhook', async () => {
    const sqlite = new SqliteDatabase({ file: ':memory:' });
    const webhook = webhookFixture('w1');
    await new SqliteWebhookRepository(sqlite, cipher).insert(webhook);
    const row = sqlite.statement('SELECT secret FROM webhooks').get() as { secret: string };
    expect(row.secret).not.toContain(webhook.secret);
    expect(Buffer.from(row.secret, 'base64').toString('latin1')).not.toContain(webhook.secret.slice(6));
    // Copied onto another webhook's row, it does not open.
    await new SqliteWebhookRepository(sqlite, cipher).insert(webhookFixture('w2'));
    sqlite.statement('UPDATE webhooks SET secret = ? WHERE id = ?').run(row.secret, 'w2');
    await expect(new SqliteWebhookRepository(sqlite, cipher).findById('w2')).rejects.toThrow();
  });

  it('answers the due scan from the partial index', () => {
    const sqlite = new SqliteDatabase({ file: ':memory:' });
    const plan = sqlite.db
      .prepare(
        `EXPLAIN QUERY PLAN SELECT id FROM webhook_deliveries d WHERE d.status = 'pending' AND d.next_attempt_at <= 5 ORDER BY d.next_attempt_at`,
      )
      .all() as { detail: string }[];
    expect(plan.map((p) => p.detail).join('\n')).toContain('webhook_deliveries_due');
  });
});
