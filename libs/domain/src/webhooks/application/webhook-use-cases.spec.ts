import {
  FixedClock,
  InMemoryNotificationRepository,
  InMemoryWebhookDeliveryStore,
  InMemoryWebhookRepository,
  RecordingWebhookQueue,
  ScriptedWebhookSender,
  SequentialIdGenerator,
} from '@primetrade/testing';
import { WebhookDeliveryPolicy } from '../model/webhook-delivery-policy';
import { WebhookNotFoundError, WebhookUrlRefusedError } from '../model/webhook.errors';
import { WebhookAddressGuard } from '../ports/webhook-address-guard.port';
import { WebhookSecrets } from '../ports/webhook-secrets.port';
import { AttemptWebhookDeliveryCommand } from './commands/attempt-webhook-delivery/attempt-webhook-delivery.command';
import { AttemptWebhookDeliveryHandler } from './commands/attempt-webhook-delivery/attempt-webhook-delivery.handler';
import { CreateWebhookCommand } from './commands/create-webhook/create-webhook.command';
import { CreateWebhookHandler } from './commands/create-webhook/create-webhook.handler';
import {
  EnqueueWebhookDeliveriesCommand,
  type RelayedDomainEvent,
} from './commands/enqueue-webhook-deliveries/enqueue-webhook-deliveries.command';
import { EnqueueWebhookDeliveriesHandler } from './commands/enqueue-webhook-deliveries/enqueue-webhook-deliveries.handler';
import { PingWebhookCommand } from './commands/ping-webhook/ping-webhook.command';
import { PingWebhookHandler } from './commands/ping-webhook/ping-webhook.handler';
import { UpdateWebhookCommand } from './commands/update-webhook/update-webhook.command';
import { UpdateWebhookHandler } from './commands/update-webhook/update-webhook.handler';
import { ListWebhookDeliveriesQuery } from './queries/list-webhook-deliveries/list-webhook-deliveries.query';
import { ListWebhookDeliveriesHandler } from './queries/list-webhook-deliveries/list-webhook-deliveries.handler';

class ListGuard extends WebhookAddressGuard {
  readonly checked: string[] = [];
  async check(url: string): Promise<void> {
    this.checked.push(url);
    if (url.includes('internal')) throw new WebhookUrlRefusedError('internal.example resolves to a private address');
  }
}

class CountingSecrets extends WebhookSecrets {
  private n = 0;
  newSecret(): string {
    return `whsec_secret-${++this.n}`;
  }
}

const HOUR = 3_600_000;
const ok = { kind: 'response', statusCode: 204, durationMs: 12 } as const;
const status = (statusCode: number) => ({ kind: 'response', statusCode, durationMs: 7 }) as const;
const timeout = { kind: 'timeout', durationMs: 5000, error: 'no answer within 5000 ms' } as const;

describe('webhook use cases', () => {
  let clock: FixedClock;
  let ids: SequentialIdGenerator;
  let deliveries: InMemoryWebhookDeliveryStore;
  let webhooks: InMemoryWebhookRepository;
  let queue: RecordingWebhookQueue;
  let sender: ScriptedWebhookSender;
  let notifications: InMemoryNotificationRepository;
  let guard: ListGuard;
  let policy: WebhookDeliveryPolicy;

  const create = (ownerId: string, events: string[], url = 'https://hooks.example.com/in') =>
    new CreateWebhookHandler(webhooks, guard, new CountingSecrets(), ids, clock).execute(
      new CreateWebhookCommand(ownerId, { url, events }),
    );
  const enqueue = (...events: RelayedDomainEvent[]) =>
    new EnqueueWebhookDeliveriesHandler(webhooks, deliveries, queue, clock).execute(new EnqueueWebhookDeliveriesCommand(events));
  const attempt = (id: string) =>
    new AttemptWebhookDeliveryHandler(webhooks, deliveries, queue, sender, notifications, policy, ids, clock).execute(
      new AttemptWebhookDeliveryCommand(id),
    );
  let eventSeq = 0;
  const event = (type: string, taskId: string, ownerId = 'ada', data: Record<string, unknown> = {}): RelayedDomainEvent => ({
    id: `evt-${String(++eventSeq).padStart(4, '0')}`,
    type,
    aggregateId: taskId,
    ownerId,
    occurredAt: clock.now(),
    data,
  });

  beforeEach(() => {
    clock = new FixedClock();
    ids = new SequentialIdGenerator('w');
    deliveries = new InMemoryWebhookDeliveryStore();
    webhooks = new InMemoryWebhookRepository(deliveries);
    queue = new RecordingWebhookQueue();
    sender = new ScriptedWebhookSender(ok);
    notifications = new InMemoryNotificationRepository();
    guard = new ListGuard();
    policy = new WebhookDeliveryPolicy({
      maxAttempts: 4,
      backoffMs: 5000,
      maxBackoffMs: 60_000,
      disableAfterMs: 24 * HOUR,
      lockMs: 30_000,
    });
  });

  it('creates a webhook with a fresh secret, shown in the answer only, after the address check', async () => {
    const { webhook, secret } = await create('ada', ['task.created']);
    expect(secret).toBe('whsec_secret-1');
    expect(webhook).not.toHaveProperty('secret');
    expect(guard.checked).toEqual(['https://hooks.example.com/in']);
    expect((await webhooks.findById(webhook.id))?.secret).toBe(secret);
    await expect(create('ada', ['task.created'], 'https://internal.example/')).rejects.toBeInstanceOf(WebhookUrlRefusedError);
    expect(await webhooks.listOwned('ada')).toHaveLength(1);
  });

  it("checks a changed URL again, and keeps others' webhooks out of reach", async () => {
    const { webhook } = await create('ada', ['task.created']);
    const update = new UpdateWebhookHandler(webhooks, guard, clock);
    await expect(update.execute(new UpdateWebhookCommand('ada', webhook.id, { url: 'https://internal.example/x' }))).rejects.toBeInstanceOf(
      WebhookUrlRefusedError,
    );
    await expect(update.execute(new UpdateWebhookCommand('bob', webhook.id, { enabled: false }))).rejects.toBeInstanceOf(
      WebhookNotFoundError,
    );
    await expect(
      new ListWebhookDeliveriesHandler(webhooks, deliveries).execute(new ListWebhookDeliveriesQuery('bob', webhook.id)),
    ).rejects.toBeInstanceOf(WebhookNotFoundError);
    await expect(
      new PingWebhookHandler(webhooks, deliveries, queue, ids, clock).execute(new PingWebhookCommand('bob', webhook.id)),
    ).rejects.toBeInstanceOf(WebhookNotFoundError);
  });

  it("enqueues one delivery per event and subscribed endpoint, of the owner's webhooks only; a replay adds nothing", async () => {
    const a = (await create('ada', ['task.created', 'task.deleted'])).webhook;
    const b = (await create('ada', ['task.completed'])).webhook;
    await create('bob', ['task.created']);
    clock.advance(1000);
    const created = event('tasks.task-created', 't1', 'ada', { facts: { status: 'todo' } });
    const registered = event('identity.user-registered', 'ada');
    expect(await enqueue(created, registered)).toBe(1);
    expect(await enqueue(created)).toBe(1);
    const [d] = await deliveries.list(a.id, 10);
    expect(await deliveries.list(b.id, 10)).toEqual([]);
    expect(d).toMatchObject({
      id: `msg_${created.id}_${a.id}`,
      eventType: 'task.created',
      orderKey: 'task:t1',
      status: 'pending',
      attempts: [],
    });
    expect(JSON.parse(d.payload)).toEqual({
      type: 'task.created',
      timestamp: clock.now().toISOString(),
      data: { taskId: 't1', facts: { status: 'todo' } },
    });
    expect(deliveries.rows.size).toBe(1);
    expect(queue.scheduled.map((s) => s.id)).toEqual([d.id, d.id]);
  });

  it('leaves events from before an endpoint existed alone (a replayed stream stays in the past)', async () => {
    const old = event('tasks.task-created', 't1');
    clock.advance(1000);
    await create('ada', ['task.created']);
    expect(await enqueue(old)).toBe(0);
  });

  it('delivers, signing with the secret, and records the attempt', async () => {
    const { webhook, secret } = await create('ada', ['task.created']);
    await enqueue(event('tasks.task-created', 't1'));
    const [d] = await deliveries.list(webhook.id, 1);
    expect(await attempt(d.id)).toBe('delivered');
    expect(sender.sent).toEqual([{ url: webhook.url, id: d.id, timestamp: clock.now(), body: d.payload, secret }]);
    const [after] = await deliveries.list(webhook.id, 1);
    expect(after).toMatchObject({
      status: 'delivered',
      nextAttemptAt: null,
      attempts: [{ at: clock.now(), statusCode: 204, durationMs: 12, error: null }],
    });
    expect(await attempt(d.id)).toBe('skipped');
  });

  it('retries timeouts and 5xx with exponential back-off, then gives up after the last attempt', async () => {
    const { webhook } = await create('ada', ['task.created']);
    await enqueue(event('tasks.task-created', 't1'));
    const [d] = await deliveries.list(webhook.id, 1);
    sender.answer(timeout, status(502), status(500), status(503));
    const waits: number[] = [];
    for (let i = 0; i < 4; i++) {
      const outcome = await attempt(d.id);
      const [now] = await deliveries.list(webhook.id, 1);
      if (now.nextAttemptAt) {
        waits.push(now.nextAttemptAt.getTime() - clock.now().getTime());
        expect(await attempt(d.id)).toBe('skipped'); // not due yet
        clock.set(now.nextAttemptAt);
      }
      expect(outcome).toBe(i < 3 ? 'retry' : 'failed');
    }
    expect(waits).toEqual([5000, 10_000, 20_000]);
    const [done] = await deliveries.list(webhook.id, 1);
    expect(done.attempts.map((a) => a.statusCode)).toEqual([null, 502, 500, 503]);
    expect(done.status).toBe('failed');
    expect(queue.scheduled.filter((s) => s.id === d.id).map((s) => s.attempts)).toEqual([0, 1, 2, 3]);
  });

  it('gives up at once on a 4xx or a redirect', async () => {
    const { webhook } = await create('ada', ['task.created']);
    await enqueue(event('tasks.task-created', 't1'), event('tasks.task-created', 't2'));
    const [d2, d1] = await deliveries.list(webhook.id, 2);
    sender.answer(status(404), status(301));
    expect(await attempt(d1.id)).toBe('failed');
    expect(await attempt(d2.id)).toBe('failed');
  });

  it("holds a task's later event until the earlier one is delivered or given up, then schedules it", async () => {
    const { webhook } = await create('ada', ['task.created', 'task.completed']);
    await enqueue(event('tasks.task-created', 't1'), event('tasks.task-completed', 't1'), event('tasks.task-created', 't2'));
    const all = await deliveries.list(webhook.id, 10);
    const [first, second, other] = [...all].sort((x, y) => (x.sequence < y.sequence ? -1 : 1));
    sender.answer(status(500), ok);
    expect(await attempt(second.id)).toBe('blocked');
    expect(await attempt(first.id)).toBe('retry');
    expect(await attempt(second.id)).toBe('blocked');
    expect(await attempt(other.id)).toBe('delivered');
    expect((await deliveries.due(clock.now(), 10)).map((d) => d.id)).toEqual([]);
    clock.advance(5000);
    queue.scheduled.length = 0;
    expect(await attempt(first.id)).toBe('delivered');
    expect(queue.scheduled).toEqual([{ id: second.id, attempts: 0, at: expect.any(Date) }]);
    expect(await attempt(second.id)).toBe('delivered');
    expect(sender.sent.map((m) => JSON.parse(m.body).type)).toEqual(['task.created', 'task.created', 'task.created', 'task.completed']);
  });

  it('disables an endpoint after 24 hours of failures, notifies its owner once, and gives up its deliveries', async () => {
    const { webhook } = await create('ada', ['task.created']);
    sender.answer(status(500));
    policy = new WebhookDeliveryPolicy({ ...policy.settings, maxAttempts: 100, backoffMs: HOUR, maxBackoffMs: 6 * HOUR });
    await enqueue(event('tasks.task-created', 't1'), event('tasks.task-created', 't2'));
    const [d2, d1] = await deliveries.list(webhook.id, 2);
    expect(await attempt(d1.id)).toBe('retry');
    clock.advance(23 * HOUR);
    expect(await attempt(d2.id)).toBe('retry');
    expect((await webhooks.findById(webhook.id))?.enabled).toBe(true);
    clock.advance(HOUR);
    expect(await attempt(d1.id)).toBe('retry');
    const disabled = await webhooks.findById(webhook.id);
    expect([disabled?.enabled, disabled?.disabledAt]).toEqual([false, clock.now()]);
    const notes = await notifications.list('ada', null, 10);
    expect(notes.map((n) => [n.type, n.taskId, n.taskTitle])).toEqual([['webhook-disabled', webhook.id, webhook.url]]);
    expect(notes[0].emailedAt).not.toBeNull(); // in the app only
    clock.advance(6 * HOUR);
    expect(await attempt(d2.id)).toBe('failed');
    const [after] = await deliveries.list(webhook.id, 1);
    expect(after.attempts.at(-1)?.error).toBe('the webhook is disabled');
    expect(sender.sent).toHaveLength(3);
    // A ping still goes out: it is how the owner tests the endpoint before enabling it again.
    sender.answer(ok);
    const ping = await new PingWebhookHandler(webhooks, deliveries, queue, ids, clock).execute(new PingWebhookCommand('ada', webhook.id));
    expect(await attempt(ping.id)).toBe('delivered');
  });

  it('a success stops the failure clock', async () => {
    const { webhook } = await create('ada', ['task.created']);
    await enqueue(event('tasks.task-created', 't1'), event('tasks.task-created', 't2'));
    const [d2, d1] = await deliveries.list(webhook.id, 2);
    sender.answer(status(500), ok);
    await attempt(d1.id);
    expect((await webhooks.findById(webhook.id))?.failingSince).toEqual(clock.now());
    await attempt(d2.id);
    expect((await webhooks.findById(webhook.id))?.failingSince).toBeNull();
  });
});
