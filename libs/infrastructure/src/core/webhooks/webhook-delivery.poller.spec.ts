import type { DueWebhookDelivery } from '@primetrade/domain';
import { deliveryFixture, FixedClock, InMemoryWebhookDeliveryStore } from '@primetrade/testing';
import { InProcessWebhookDeliveryQueue } from './in-process-webhook.queue';
import { WebhookDeliveryPoller } from './webhook-delivery.poller';

const DAY = 24 * 3_600_000;

describe('WebhookDeliveryPoller', () => {
  it('hands the due head of each line to dispatch, wakes up when something is scheduled, and prunes settled deliveries', async () => {
    const clock = new FixedClock('2026-06-15T12:00:00.000Z');
    const store = new InMemoryWebhookDeliveryStore();
    const dispatched: DueWebhookDelivery[][] = [];
    const queue = new InProcessWebhookDeliveryQueue(clock);
    const poller = new WebhookDeliveryPoller(store, async (due) => void dispatched.push([...due]), clock, {
      intervalMs: 60_000,
      batchSize: 10,
    });
    queue.onScheduled(() => poller.kick());
    const old = deliveryFixture('old', {
      orderKey: 'k0',
      createdAt: new Date(clock.now().getTime() - 8 * DAY),
      status: 'delivered',
      nextAttemptAt: null,
    });
    await store.enqueue([old, deliveryFixture('d1', { sequence: 's1' }), deliveryFixture('d2', { sequence: 's2' })]);

    poller.onApplicationBootstrap();
    await new Promise((r) => setTimeout(r, 20));
    expect(dispatched).toEqual([[{ id: 'd1', attempts: 0, at: clock.now() }]]);
    expect([...store.rows.keys()]).not.toContain('old');

    await store.finishAttempt('d1', { at: clock.now(), statusCode: 204, durationMs: 1, error: null }, 'delivered', null);
    await queue.schedule([{ id: 'd2', attempts: 0, at: clock.now() }]);
    await new Promise((r) => setTimeout(r, 20));
    expect(dispatched.at(-1)).toEqual([{ id: 'd2', attempts: 0, at: clock.now() }]);
    await poller.onApplicationShutdown();
  });
});
