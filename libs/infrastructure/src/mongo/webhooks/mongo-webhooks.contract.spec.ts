import { randomBytes } from 'node:crypto';
import { deliveryFixture, describeOnMongoServer, describeWebhookStoresContract, MingoCollection } from '@primetrade/testing';
import { SealedText } from '../../core/notifications/sealed-text';
import { AesGcmContentCipher } from '../../core/security/aes-gcm-content-cipher';
import { webhookSecretContext } from '../../core/webhooks/webhook-secret-sealing';
import { webhookRotationUpdate } from '../key-rotation/mongo-key-rotation';
import {
  claimFilter,
  claimUpdate,
  disableFilter,
  disableUpdate,
  duePipeline,
  earlierPendingFilter,
  finishUpdate,
  lineQuery,
  pruneFilter,
  startFailingFilter,
  startFailingUpdate,
  subscribersFilter,
  UNLOCKED,
} from './webhook.filter';
import { WebhookDeliveryRecord, WebhookDeliverySchema, WebhookRecord, WebhookSchema } from './webhook.schema';
import { MongoWebhookDeliveryStore } from './mongo-webhook-delivery.store';
import { MongoWebhookRepository } from './mongo-webhook.repository';

const cipher = new AesGcmContentCipher({ keys: new Map([['k1', randomBytes(32)]]), activeKeyId: 'k1', blindIndexKey: randomBytes(32) });

describeOnMongoServer('Mongo webhook stores', (database) => {
  describeWebhookStoresContract('mongodb', async () => {
    const connection = await database();
    const webhooks = connection.model<WebhookRecord>(WebhookRecord.name, WebhookSchema);
    const deliveries = connection.model<WebhookDeliveryRecord>(WebhookDeliveryRecord.name, WebhookDeliverySchema);
    await Promise.all([webhooks.init(), deliveries.init()]);
    return { webhooks: new MongoWebhookRepository(webhooks, deliveries, cipher), deliveries: new MongoWebhookDeliveryStore(deliveries) };
  });
});

const T0 = new Date('2026-06-15T12:00:00.000Z');
const at = (ms: number) => new Date(T0.getTime() + ms);
const stored = (id: string, over: Partial<ReturnType<typeof deliveryFixture>> & { lockedUntil?: Date } = {}) => {
  const { id: _id, ...rest } = deliveryFixture(id, over);
  return { _id: id, ...rest, lockedUntil: over.lockedUntil ?? UNLOCKED };
};

describe('MongoDB webhook documents (executed with mingo)', () => {
  it('finds the subscribers of an event: enabled, subscribed, existing when it happened', () => {
    const hooks = new MingoCollection([
      { _id: 'w1', ownerId: 'a', enabled: true, events: ['task.created'], createdAt: T0 },
      { _id: 'w2', ownerId: 'a', enabled: false, events: ['task.created'], createdAt: T0 },
      { _id: 'w3', ownerId: 'a', enabled: true, events: ['task.deleted'], createdAt: T0 },
      { _id: 'w4', ownerId: 'a', enabled: true, events: ['task.created'], createdAt: at(10) },
      { _id: 'w5', ownerId: 'b', enabled: true, events: ['task.created'], createdAt: T0 },
    ]);
    expect(hooks.find(subscribersFilter('a', 'task.created', at(5))).map((h) => h._id)).toEqual(['w1']);
  });

  it('starts the failure clock once and disables only once it ran long enough', () => {
    const hooks = new MingoCollection([{ _id: 'w1', enabled: true, failingSince: null as Date | null, disabledAt: null as Date | null }]);
    expect(hooks.updateOne(startFailingFilter('w1'), startFailingUpdate(T0)).matchedCount).toBe(1);
    expect(hooks.updateOne(startFailingFilter('w1'), startFailingUpdate(at(5))).matchedCount).toBe(0);
    expect(hooks.updateOne(disableFilter('w1', at(-1)), disableUpdate(at(5))).matchedCount).toBe(0);
    expect(hooks.updateOne(disableFilter('w1', at(0)), disableUpdate(at(5))).matchedCount).toBe(1);
    expect(hooks.updateOne(disableFilter('w1', at(0)), disableUpdate(at(6))).matchedCount).toBe(0);
    expect(hooks.docs[0]).toEqual({ _id: 'w1', enabled: false, failingSince: T0, disabledAt: at(5) });
  });

  it('claims a pending, due, unheld delivery only', () => {
    const rows = new MingoCollection([stored('d1'), stored('d2', { nextAttemptAt: at(10) }), stored('d3', { status: 'delivered' })]);
    expect(rows.updateOne(claimFilter('d1', T0), claimUpdate(at(30))).matchedCount).toBe(1);
    expect(rows.updateOne(claimFilter('d1', at(29)), claimUpdate(at(60))).matchedCount).toBe(0);
    expect(rows.updateOne(claimFilter('d2', T0), claimUpdate(at(30))).matchedCount).toBe(0);
    expect(rows.updateOne(claimFilter('d3', T0), claimUpdate(at(30))).matchedCount).toBe(0);
  });

  it('records an attempt and frees the delivery', () => {
    const rows = new MingoCollection([stored('d1', { lockedUntil: at(30) })]);
    rows.updateOne({ _id: 'd1' }, finishUpdate({ at: T0, statusCode: 503, durationMs: 9, error: null }, 'pending', at(5000)));
    expect(rows.docs[0]).toMatchObject({ status: 'pending', nextAttemptAt: at(5000), lockedUntil: UNLOCKED });
    expect(rows.docs[0].attempts).toEqual([{ at: T0, statusCode: 503, durationMs: 9, error: null }]);
  });

  it('lists as due only the head of each line, soonest first, bounded', () => {
    const rows = new MingoCollection([
      stored('d2', { sequence: 's2' }),
      stored('d1', { sequence: 's1', nextAttemptAt: at(500) }),
      stored('e1', { orderKey: 'task:t2', sequence: 's1' }),
      stored('f1', { webhookId: 'w2', sequence: 's9', lockedUntil: at(100) }),
      stored('g1', { orderKey: 'task:t3', status: 'delivered' }),
    ]);
    expect(rows.aggregate(duePipeline(at(0), 10))).toEqual([{ _id: 'e1', nextAttemptAt: T0, attempts: 0 }]);
    expect(rows.aggregate<{ _id: string }>(duePipeline(at(500), 10)).map((r) => r._id)).toEqual(['e1', 'f1', 'd1']);
    expect(rows.aggregate(duePipeline(at(500), 1))).toHaveLength(1);
    expect(rows.find(earlierPendingFilter('w1', 'task:t1', 's2')).map((r) => r._id)).toEqual(['d1']);
    const { filter, sort } = lineQuery('w1', 'task:t1');
    expect(rows.find(filter, sort).map((r) => r._id)).toEqual(['d1', 'd2']);
  });
});

describe('webhook schemas', () => {
  it('index the pending lines and the due scan partially, and the owner list', () => {
    expect(WebhookDeliverySchema.indexes()).toEqual(
      expect.arrayContaining([
        [{ webhookId: 1, orderKey: 1, sequence: 1 }, expect.objectContaining({ partialFilterExpression: { status: 'pending' } })],
        [{ nextAttemptAt: 1 }, expect.objectContaining({ partialFilterExpression: { status: 'pending' } })],
      ]),
    );
    expect(WebhookSchema.indexes()).toContainEqual([
      { ownerId: 1, createdAt: 1, _id: 1 },
      expect.objectContaining({ name: 'owner_created' }),
    ]);
  });
});

describe('webhook secrets and key rotation (documents run with mingo)', () => {
  it('re-seals a secret under the active key with a compare-and-set, and leaves a current one alone', () => {
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
    const stored = { _id: 'w1', secret: new SealedText(old).seal('whsec_abc', webhookSecretContext('w1')) } as WebhookRecord;
    const hooks = new MingoCollection([{ ...stored }]);
    const update = webhookRotationUpdate(stored, rotating)!;
    expect(hooks.updateOne(update.filter, update.update).matchedCount).toBe(1);
    expect(hooks.updateOne(update.filter, update.update).matchedCount).toBe(0); // the stored value moved on
    expect(new SealedText(onlyNew).open(hooks.docs[0].secret, webhookSecretContext('w1'))).toBe('whsec_abc');
    expect(webhookRotationUpdate(hooks.docs[0] as WebhookRecord, rotating)).toBeNull();
  });
});

describe('webhook delivery retention (documents run with mingo)', () => {
  it('selects settled deliveries older than the retention, never pending ones', () => {
    const rows = new MingoCollection([
      stored('a', { status: 'delivered' }),
      stored('b', { status: 'failed' }),
      stored('c'),
      stored('d', { status: 'delivered', createdAt: at(10_000) }),
    ]);
    expect(rows.find(pruneFilter(at(5000))).map((r) => r._id)).toEqual(['a', 'b']);
  });
});
