import { Webhook, type WebhookDelivery, type WebhookDeliveryStore, type WebhookRepository } from '@primetrade/domain';

export interface WebhookStores {
  webhooks: WebhookRepository;
  deliveries: WebhookDeliveryStore;
}

const T0 = new Date('2026-06-15T12:00:00.000Z');
const at = (ms: number) => new Date(T0.getTime() + ms);

export const webhookFixture = (id: string, ownerId = 'owner-a', over: Partial<{ events: string[]; now: Date; enabled: boolean }> = {}) =>
  Webhook.create({
    id,
    ownerId,
    url: `https://hooks.example.com/${id}`,
    events: over.events ?? ['task.created', 'task.completed'],
    enabled: over.enabled,
    secret: `whsec_${Buffer.from(`secret-of-${id}-0123456789`).toString('base64')}`,
    now: over.now ?? T0,
  });

export const deliveryFixture = (id: string, over: Partial<WebhookDelivery> = {}): WebhookDelivery => ({
  id,
  webhookId: 'w1',
  ownerId: 'owner-a',
  eventType: 'task.created',
  orderKey: 'task:t1',
  sequence: id,
  payload: JSON.stringify({ type: 'task.created', data: { taskId: 't1' } }),
  status: 'pending',
  attempts: [],
  nextAttemptAt: T0,
  createdAt: T0,
  ...over,
});

/** The behaviour every pair of webhook stores must show, run against each real store. */
export function describeWebhookStoresContract(name: string, open: () => Promise<WebhookStores>): void {
  describe(`webhook stores contract: ${name}`, () => {
    let s: WebhookStores;
    beforeEach(async () => {
      s = await open();
    });

    describe('WebhookRepository', () => {
      it("keeps a webhook with its secret, finds it for its owner only, lists the owner's oldest first", async () => {
        await s.webhooks.insert(webhookFixture('w2', 'owner-a', { now: at(5) }));
        await s.webhooks.insert(webhookFixture('w1'));
        await s.webhooks.insert(webhookFixture('w3', 'owner-b'));
        const found = await s.webhooks.findOwned('owner-a', 'w1');
        expect(found?.toProps()).toEqual(webhookFixture('w1').toProps());
        expect(await s.webhooks.findOwned('owner-b', 'w1')).toBeNull();
        expect((await s.webhooks.findById('w3'))?.ownerId).toBe('owner-b');
        expect((await s.webhooks.listOwned('owner-a')).map((w) => w.id)).toEqual(['w1', 'w2']);
      });

      it('saves changes to url, events and enabled', async () => {
        const w = webhookFixture('w1');
        await s.webhooks.insert(w);
        w.change({ url: 'https://other.example.com/in', events: ['task.deleted'], enabled: false }, at(10));
        await s.webhooks.update(w);
        const again = await s.webhooks.findById('w1');
        expect([again?.url, again?.events, again?.enabled]).toEqual(['https://other.example.com/in', ['task.deleted'], false]);
      });

      it('names the subscribers of an event: enabled, subscribed, and existing when it happened', async () => {
        await s.webhooks.insert(webhookFixture('w1'));
        await s.webhooks.insert(webhookFixture('w2', 'owner-a', { events: ['task.deleted'] }));
        await s.webhooks.insert(webhookFixture('w3', 'owner-a', { enabled: false }));
        await s.webhooks.insert(webhookFixture('w4', 'owner-a', { now: at(60_000) }));
        await s.webhooks.insert(webhookFixture('w5', 'owner-b'));
        expect((await s.webhooks.subscribers('owner-a', 'task.created', at(1000))).map((w) => w.id)).toEqual(['w1']);
        expect((await s.webhooks.subscribers('owner-a', 'task.created', at(60_000))).map((w) => w.id).sort()).toEqual(['w1', 'w4']);
      });

      it('disables an endpoint failing since the limit, once, however many attempts race; success clears the failure', async () => {
        await s.webhooks.insert(webhookFixture('w1'));
        expect(await s.webhooks.recordFailure('w1', at(0), at(-1000))).toBe('failing');
        expect((await s.webhooks.findById('w1'))?.failingSince).toEqual(at(0));
        await s.webhooks.recordSuccess('w1');
        expect((await s.webhooks.findById('w1'))?.failingSince).toBeNull();
        expect(await s.webhooks.recordFailure('w1', at(1000), at(0))).toBe('failing');
        const outcomes = await Promise.all(Array.from({ length: 5 }, () => s.webhooks.recordFailure('w1', at(5000), at(2000))));
        expect(outcomes.filter((o) => o === 'disabled')).toHaveLength(1);
        const disabled = await s.webhooks.findById('w1');
        expect([disabled?.enabled, disabled?.disabledAt, disabled?.failingSince]).toEqual([false, at(5000), at(1000)]);
      });

      it("deletes the owner's webhook with its deliveries; someone else's is not found", async () => {
        await s.webhooks.insert(webhookFixture('w1'));
        await s.deliveries.enqueue([deliveryFixture('d1')]);
        expect(await s.webhooks.delete('owner-b', 'w1')).toBe(false);
        expect(await s.webhooks.delete('owner-a', 'w1')).toBe(true);
        expect(await s.webhooks.findById('w1')).toBeNull();
        expect(await s.deliveries.list('w1', 10)).toEqual([]);
        expect(await s.webhooks.delete('owner-a', 'w1')).toBe(false);
      });
    });

    describe('WebhookDeliveryStore', () => {
      it('inserts a delivery id once: a replayed event changes nothing', async () => {
        await s.deliveries.enqueue([deliveryFixture('d1')]);
        await s.deliveries.finishAttempt('d1', { at: T0, statusCode: 500, durationMs: 12, error: null }, 'pending', at(5000));
        await s.deliveries.enqueue([deliveryFixture('d1'), deliveryFixture('d2')]);
        const [d2, d1] = await s.deliveries.list('w1', 10);
        expect(d1.attempts).toEqual([{ at: T0, statusCode: 500, durationMs: 12, error: null }]);
        expect(d1.nextAttemptAt).toEqual(at(5000));
        expect(d2).toEqual(deliveryFixture('d2'));
      });

      it('lets one attempt claim a due delivery until its lock runs out', async () => {
        await s.deliveries.enqueue([deliveryFixture('d1'), deliveryFixture('d2', { orderKey: 'task:t2', nextAttemptAt: at(1000) })]);
        const claims = await Promise.all([1, 2, 3].map(() => s.deliveries.claim('d1', T0, at(30_000))));
        expect(claims.filter(Boolean)).toHaveLength(1);
        expect(await s.deliveries.claim('d1', at(29_999), at(60_000))).toBeNull();
        expect((await s.deliveries.claim('d1', at(30_001), at(60_000)))?.id).toBe('d1');
        expect(await s.deliveries.claim('d2', T0, at(30_000))).toBeNull(); // not due yet
        expect(await s.deliveries.claim('nope', T0, at(30_000))).toBeNull();
        await s.deliveries.release('d1');
        expect((await s.deliveries.claim('d1', at(30_002), at(90_000)))?.id).toBe('d1');
      });

      it('never claims a delivered or given-up delivery', async () => {
        await s.deliveries.enqueue([deliveryFixture('d1'), deliveryFixture('d2', { orderKey: 'task:t2' })]);
        await s.deliveries.finishAttempt('d1', { at: T0, statusCode: 204, durationMs: 3, error: null }, 'delivered', null);
        await s.deliveries.finishAttempt('d2', { at: T0, statusCode: 400, durationMs: 3, error: null }, 'failed', null);
        expect(await s.deliveries.claim('d1', at(1), at(30_000))).toBeNull();
        expect(await s.deliveries.claim('d2', at(1), at(30_000))).toBeNull();
        expect(await s.deliveries.due(at(1), 10)).toEqual([]);
      });

      it('keeps the order per task: only the head of each line is due, the next follows once it is settled', async () => {
        await s.deliveries.enqueue([
          deliveryFixture('d2', { sequence: 's2' }),
          deliveryFixture('d1', { sequence: 's1', nextAttemptAt: at(500) }),
          deliveryFixture('d3', { sequence: 's3' }),
          deliveryFixture('e1', { orderKey: 'task:t2', sequence: 's1' }),
          deliveryFixture('f1', { webhookId: 'w2', sequence: 's9' }),
        ]);
        expect((await s.deliveries.due(at(0), 10)).map((d) => d.id).sort()).toEqual(['e1', 'f1']);
        expect((await s.deliveries.due(at(500), 10)).map((d) => d.id)).toEqual(['e1', 'f1', 'd1']);
        expect(await s.deliveries.isHeadOfLine(deliveryFixture('d2', { sequence: 's2' }))).toBe(false);
        expect((await s.deliveries.nextInLine('w1', 'task:t1'))?.id).toBe('d1');
        await s.deliveries.finishAttempt('d1', { at: at(500), statusCode: 410, durationMs: 5, error: null }, 'failed', null);
        expect((await s.deliveries.nextInLine('w1', 'task:t1'))?.id).toBe('d2');
        expect(await s.deliveries.isHeadOfLine(deliveryFixture('d2', { sequence: 's2' }))).toBe(true);
        expect((await s.deliveries.due(at(600), 10)).map((d) => d.id)).toContain('d2');
        expect((await s.deliveries.due(at(600), 10)).map((d) => d.id)).not.toContain('d3');
      });

      it('leaves a claimed delivery out of the due list until its lock runs out; due is soonest first and bounded', async () => {
        await s.deliveries.enqueue([
          deliveryFixture('a', { orderKey: 'k1', nextAttemptAt: at(30) }),
          deliveryFixture('b', { orderKey: 'k2', nextAttemptAt: at(10) }),
          deliveryFixture('c', { orderKey: 'k3', nextAttemptAt: at(20) }),
        ]);
        expect(await s.deliveries.due(at(100), 2)).toEqual([
          { id: 'b', attempts: 0, at: at(10) },
          { id: 'c', attempts: 0, at: at(20) },
        ]);
        await s.deliveries.claim('b', at(100), at(1000));
        expect((await s.deliveries.due(at(100), 10)).map((d) => d.id)).toEqual(['c', 'a']);
        expect((await s.deliveries.due(at(1001), 10)).map((d) => d.id)).toEqual(['b', 'c', 'a']);
      });

      it('prunes delivered and given-up deliveries older than the retention, never pending ones', async () => {
        await s.deliveries.enqueue([
          deliveryFixture('old-done', { orderKey: 'k1' }),
          deliveryFixture('old-failed', { orderKey: 'k2' }),
          deliveryFixture('old-pending', { orderKey: 'k3' }),
          deliveryFixture('new-done', { orderKey: 'k4', createdAt: at(10_000) }),
        ]);
        const settle = (id: string, status: 'delivered' | 'failed') =>
          s.deliveries.finishAttempt(
            id,
            { at: T0, statusCode: status === 'delivered' ? 200 : 400, durationMs: 1, error: null },
            status,
            null,
          );
        await settle('old-done', 'delivered');
        await settle('old-failed', 'failed');
        await settle('new-done', 'delivered');
        expect(await s.deliveries.prune(at(5000))).toBe(2);
        expect((await s.deliveries.list('w1', 10)).map((d) => d.id).sort()).toEqual(['new-done', 'old-pending']);
        expect(await s.deliveries.prune(at(5000))).toBe(0);
      });

      it('records every attempt with its status code and duration; lists newest first, bounded', async () => {
        await s.deliveries.enqueue([deliveryFixture('d1'), deliveryFixture('d2', { createdAt: at(1), orderKey: 'k2' })]);
        await s.deliveries.finishAttempt('d1', { at: T0, statusCode: null, durationMs: 5000, error: 'timeout' }, 'pending', at(5000));
        await s.deliveries.finishAttempt('d1', { at: at(5000), statusCode: 200, durationMs: 40, error: null }, 'delivered', null);
        const [latest, first] = await s.deliveries.list('w1', 10);
        expect(latest.id).toBe('d2');
        expect(first).toMatchObject({ status: 'delivered', nextAttemptAt: null });
        expect(first.attempts).toEqual([
          { at: T0, statusCode: null, durationMs: 5000, error: 'timeout' },
          { at: at(5000), statusCode: 200, durationMs: 40, error: null },
        ]);
        expect(await s.deliveries.list('w1', 1)).toHaveLength(1);
      });
    });
  });
}
