import { Queue } from 'bullmq';
import { signUp, startTestApp, type TestApp } from '../support/test-app';
import { eventually, WebhookReceiver } from '../support/webhook-receiver';
import { describeWithRedis, dropPrefix, REDIS_URL, uniquePrefix } from './support/redis-env';
import { buildServer, removeBuild, startProcess, whenListening, type WorkerProcess } from './support/worker-process';

const FAST = { WEBHOOK_ALLOW_PRIVATE_NETWORKS: 'true', WEBHOOK_BACKOFF: '100ms', WEBHOOK_POLL_INTERVAL: '200ms' };

// With REDIS_URL the API process only records deliveries (the stream's `webhooks` consumer group,
// in the worker) and BullMQ runs the attempts in a separate worker process, against the real Redis.
describeWithRedis('webhooks on BullMQ (api process + worker process)', () => {
  let out: string;
  let prefix: string;
  let api: TestApp;
  let worker: WorkerProcess;
  let queue: Queue;
  let receiver: WebhookReceiver;

  beforeAll(async () => {
    out = buildServer();
    prefix = uniquePrefix('webhooks');
    receiver = await new WebhookReceiver().start();
    const env = { ...FAST, REDIS_URL, REDIS_PREFIX: prefix };
    api = await startTestApp({ ...env, ROLE: 'api' });
    worker = startProcess(out, { ...env, DATA_DIR: api.dataDir, JWT_SECRET: 'e2e-secret-that-is-long-enough-for-hs256-keys' });
    await whenListening(worker);
    queue = new Queue('webhooks', { connection: { url: REDIS_URL }, prefix: `${prefix}:bull` });
  }, 90_000);

  afterAll(async () => {
    await worker?.stop();
    await queue?.close();
    await api?.close();
    await receiver?.stop();
    if (prefix) await dropPrefix(prefix);
    if (out) removeBuild(out);
  }, 30_000);

  it('delivers through BullMQ jobs, retrying a 500, each attempt its own job; signatures verify', async () => {
    receiver.answer(500, 204);
    const { auth } = await signUp(api);
    const hook = await api.http
      .post('/api/v1/webhooks')
      .set(auth)
      .send({ url: receiver.url, events: ['task.created', 'task.completed'] })
      .expect(201);
    const task = await api.http.post('/api/v1/tasks').set(auth).send({ title: 'Via Redis' }).expect(201);
    await api.http.put(`/api/v1/tasks/${task.body.id}/complete`).set(auth).expect(200);
    await eventually(() => receiver.received.filter((r) => r.answered === 204).length === 2, 20_000);
    expect(receiver.received.map((r) => `${r.json.type}:${r.answered}`)).toEqual([
      'task.created:500',
      'task.created:204',
      'task.completed:204',
    ]);
    for (const r of receiver.received) expect(() => WebhookReceiver.verify(hook.body.secret, r)).not.toThrow();

    const items = (await api.http.get(`/api/v1/webhooks/${hook.body.id}/deliveries`).set(auth).expect(200)).body.items;
    expect(items.map((d: { status: string }) => d.status)).toEqual(['delivered', 'delivered']);
    const created = items.find((d: { eventType: string }) => d.eventType === 'task.created');
    // One job per attempt of the delivery, named by its id and attempt number.
    const jobs = await queue.getJobs(['completed']);
    const outcome = (attempt: number) => jobs.find((j) => j.id?.startsWith(`${created.id}-a${attempt}-t`))?.returnvalue;
    expect([outcome(0), outcome(1)]).toEqual(['retry', 'delivered']);
    // The completion waited for the creation: its first job found it blocked, a later one delivered it.
    const completed = items.find((d: { eventType: string }) => d.eventType === 'task.completed');
    const completionJobs = jobs.filter((j) => j.id?.startsWith(`${completed.id}-a0-t`)).map((j) => j.returnvalue);
    expect(completionJobs).toContain('delivered');
  }, 40_000);
});
