import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import request from 'supertest';
import { describeWithRedis, dropPrefix, REDIS_URL, uniquePrefix } from '../redis/support/redis-env';
import { buildServer, removeBuild, startProcess, urlOf, whenListening, type WorkerProcess } from '../redis/support/worker-process';
import { eventually, WebhookReceiver } from '../support/webhook-receiver';

/**
 * A delivery pending when the API process is killed with SIGKILL is delivered after the restart:
 * one still being retried (its endpoint answered 503), and one whose task was written just before
 * the kill (its delivery may not even be recorded yet; the outbox has the event).
 */
async function killAndRestart(label: string, extraEnv: Record<string, string>, out: string): Promise<void> {
  const dataDir = mkdtempSync(join(tmpdir(), `primetrade-webhook-crash-${label}-`));
  const receiver = await new WebhookReceiver().start();
  const env = {
    DATA_DIR: dataDir,
    JWT_SECRET: 'crash-secret-that-is-long-enough-for-hs256-keys',
    WEB_DIST_DIR: join(dataDir, 'no-web'),
    WEBHOOK_ALLOW_PRIVATE_NETWORKS: 'true',
    WEBHOOK_BACKOFF: '300ms',
    WEBHOOK_ATTEMPTS: '30',
    WEBHOOK_POLL_INTERVAL: '100ms',
    // A killed process's relay lease runs out in seconds here (default 10 s).
    OUTBOX_RELAY_LEASE: '2s',
    ...extraEnv,
  };
  let server: WorkerProcess | undefined;
  try {
    server = startProcess(out, env, 'all');
    await whenListening(server, 30_000);
    let http = request(urlOf(server));
    const email = `crash-${label}@example.com`;
    await http.post('/api/v1/auth/register').send({ name: 'Ada', email, password: 'correct horse battery' }).expect(201);
    const login = async () => ({
      Authorization: `Bearer ${(await http.post('/api/v1/auth/login').send({ email, password: 'correct horse battery' }).expect(200)).body.accessToken}`,
    });
    let auth = await login();
    receiver.answer(503);
    const hook = await http
      .post('/api/v1/webhooks')
      .set(auth)
      .send({ url: receiver.url, events: ['task.created'] })
      .expect(201);
    const retried = await http.post('/api/v1/tasks').set(auth).send({ title: 'Retried across the crash' }).expect(201);
    await eventually(() => receiver.received.length >= 2, 20_000);
    const late = await http.post('/api/v1/tasks').set(auth).send({ title: 'Written just before the crash' }).expect(201);
    await server.stop('SIGKILL');

    receiver.answer(204);
    server = startProcess(out, env, 'all');
    await whenListening(server, 30_000);
    http = request(urlOf(server));
    auth = await login();
    const delivered = await eventually(() => {
      const ok = receiver.received.filter((r) => r.answered === 204).map((r) => r.json.data['taskId']);
      return ok.includes(retried.body.id) && ok.includes(late.body.id) && ok;
    }, 60_000); // back-off grows while the receiver answered 503 (longer on a loaded machine)
    expect(delivered).toEqual(expect.arrayContaining([retried.body.id, late.body.id]));
    for (const r of receiver.received) expect(() => WebhookReceiver.verify(hook.body.secret, r)).not.toThrow();
    // The retried delivery kept its id across the crash: receivers de-duplicate on it.
    const idsOfRetried = new Set(
      receiver.received.filter((r) => r.json.data['taskId'] === retried.body.id).map((r) => r.headers['webhook-id']),
    );
    expect(idsOfRetried.size).toBe(1);
    const items = await eventually(async () => {
      const list = (await http.get(`/api/v1/webhooks/${hook.body.id}/deliveries`).set(auth).expect(200)).body.items as { status: string }[];
      return list.length === 2 && list.every((d) => d.status === 'delivered') && list;
    });
    expect(items).toHaveLength(2);
  } finally {
    await server?.stop('SIGKILL');
    await receiver.stop();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

describe('webhook deliveries survive SIGKILL (built server)', () => {
  let out: string;
  beforeAll(() => {
    out = buildServer();
  }, 120_000);
  afterAll(() => {
    if (out) removeBuild(out);
  });

  it('embedded: the store’s own queue delivers after the restart', async () => {
    await killAndRestart('embedded', {}, out);
  }, 150_000);

  describeWithRedis('with Redis', () => {
    let prefix: string;
    beforeAll(() => {
      prefix = uniquePrefix('webhook-crash');
    });
    afterAll(async () => {
      if (prefix) await dropPrefix(prefix);
    });

    it('BullMQ delivers after the restart', async () => {
      await killAndRestart('redis', { REDIS_URL, REDIS_PREFIX: prefix, EVENTS_CLAIM_IDLE: '2s' }, out);
    }, 150_000);
  });
});
