import { randomBytes } from 'node:crypto';
import { describeWebhookStoresContract, webhookFixture } from '@primetrade/testing';
import { AesGcmContentCipher } from '../../core/security/aes-gcm-content-cipher';
import { SqliteDatabase } from '../database/sqlite-database';
import { SqliteKeyRotation } from '../key-rotation/sqlite-key-rotation';
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

describe('webhook secrets and key rotation', () => {
  it('re-seals every signing secret with the active key, so the old key can be dropped', async () => {
    const [k1, k2, blind] = [randomBytes(32), randomBytes(32), randomBytes(32)];
    const old = new AesGcmContentCipher({ keys: new Map([['k1', k1]]), activeKeyId: 'k1', blindIndexKey: blind });
    const rotating = new AesGcmContentCipher({
      keys: new Map([
        ['k1', k1],
        ['k2', k2],
      ]),
      activeKeyId: 'k2',
      blindIndexKey: blind,
    });
    const onlyNew = new AesGcmContentCipher({ keys: new Map([['k2', k2]]), activeKeyId: 'k2', blindIndexKey: blind });
    const sqlite = new SqliteDatabase({ file: ':memory:' });
    const hooks = ['w1', 'w2', 'w3'].map((id) => webhookFixture(id));
    for (const hook of hooks) await new SqliteWebhookRepository(sqlite, old).insert(hook);
    await expect(new SqliteWebhookRepository(sqlite, onlyNew).findById('w1')).rejects.toThrow();

    const progress = await new SqliteKeyRotation(sqlite, rotating, '/nonexistent-attachments').run({ batchSize: 2 });
    expect(progress.webhooks).toEqual({ scanned: 3, resealed: 3 });
    for (const hook of hooks) expect((await new SqliteWebhookRepository(sqlite, onlyNew).findById(hook.id))?.secret).toBe(hook.secret);
    expect((await new SqliteKeyRotation(sqlite, rotating, '/nonexistent-attachments').run()).webhooks).toEqual({ scanned: 3, resealed: 0 });
  });
});
