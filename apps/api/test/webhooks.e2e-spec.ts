import { eventually, WebhookReceiver } from './support/webhook-receiver';
import { expectProblem, signUp, startTestApp, type TestApp } from './support/test-app';

/** Receivers run on 127.0.0.1 only: the app may call private addresses here (never outside the loopback). */
const FAST = { WEBHOOK_ALLOW_PRIVATE_NETWORKS: 'true', WEBHOOK_BACKOFF: '100ms', WEBHOOK_POLL_INTERVAL: '100ms' };

describe('webhooks (e2e)', () => {
  let t: TestApp;
  let receiver: WebhookReceiver;
  beforeAll(async () => {
    t = await startTestApp(FAST);
  });
  beforeEach(async () => {
    receiver = await new WebhookReceiver().start();
  });
  afterEach(async () => receiver.stop());
  afterAll(async () => t?.close());

  const deliveries = async (auth: { Authorization: string }, id: string) =>
    (await t.http.get(`/api/v1/webhooks/${id}/deliveries`).set(auth).expect(200)).body.items as {
      id: string;
      eventType: string;
      status: string;
      attempts: { statusCode: number | null; durationMs: number; error: string | null }[];
      nextAttemptAt: string | null;
    }[];

  it('delivers a signed task.created that the Standard Webhooks library verifies; the secret is shown once', async () => {
    const { auth } = await signUp(t);
    const created = await t.http
      .post('/api/v1/webhooks')
      .set(auth)
      .send({ url: receiver.url, events: ['task.created'] })
      .expect(201);
    expect(created.body).toMatchObject({ url: receiver.url, events: ['task.created'], enabled: true, failingSince: null });
    expect(created.body.secret).toMatch(/^whsec_[A-Za-z0-9+/]+=*$/);
    expect(Buffer.from(created.body.secret.slice(6), 'base64').length).toBeGreaterThanOrEqual(24);
    const listed = await t.http.get('/api/v1/webhooks').set(auth).expect(200);
    expect(listed.body.items).toHaveLength(1);
    expect(JSON.stringify(listed.body)).not.toContain(created.body.secret.slice(6, 20));
    expect((await t.http.get(`/api/v1/webhooks/${created.body.id}`).set(auth).expect(200)).body.secret).toBeUndefined();

    const task = await t.http.post('/api/v1/tasks').set(auth).send({ title: 'Ship it', priority: 'high' }).expect(201);
    const [hit] = await eventually(() => receiver.received.length === 1 && receiver.received);
    expect(WebhookReceiver.verify(created.body.secret, hit)).toMatchObject({ type: 'task.created', data: { taskId: task.body.id } });
    expect(hit.json.data).toMatchObject({ taskId: task.body.id, facts: { priority: 'high', status: 'todo' } });
    expect(hit.headers['content-type']).toBe('application/json');
    // A wrong secret does not verify.
    expect(() => WebhookReceiver.verify(`whsec_${Buffer.alloc(32, 1).toString('base64')}`, hit)).toThrow();

    const [delivery] = await eventually(async () => {
      const items = await deliveries(auth, created.body.id);
      return items[0]?.status === 'delivered' && items;
    });
    expect(delivery.id).toBe(hit.headers['webhook-id']);
    expect(delivery.attempts).toEqual([{ at: expect.any(String), statusCode: 204, durationMs: expect.any(Number), error: null }]);
    expect(delivery.nextAttemptAt).toBeNull();
  });

  it('retries a 500 with back-off under the same webhook-id, then succeeds', async () => {
    const { auth } = await signUp(t);
    receiver.answer(500, 503, 200);
    const hook = await t.http
      .post('/api/v1/webhooks')
      .set(auth)
      .send({ url: receiver.url, events: ['task.created'] })
      .expect(201);
    await t.http.post('/api/v1/tasks').set(auth).send({ title: 'Retry me' }).expect(201);
    const items = await eventually(async () => {
      const list = await deliveries(auth, hook.body.id);
      return list[0]?.status === 'delivered' && list;
    });
    expect(items[0].attempts.map((a) => a.statusCode)).toEqual([500, 503, 200]);
    expect(new Set(receiver.received.map((r) => r.headers['webhook-id']))).toEqual(new Set([items[0].id]));
    for (const r of receiver.received) expect(() => WebhookReceiver.verify(hook.body.secret, r)).not.toThrow();
  });

  it('does not retry a 400', async () => {
    const { auth } = await signUp(t);
    receiver.answer(400, 200);
    const hook = await t.http
      .post('/api/v1/webhooks')
      .set(auth)
      .send({ url: receiver.url, events: ['task.created'] })
      .expect(201);
    await t.http.post('/api/v1/tasks').set(auth).send({ title: 'Refused' }).expect(201);
    const [item] = await eventually(async () => {
      const list = await deliveries(auth, hook.body.id);
      return list[0]?.status === 'failed' && list;
    });
    expect(item.attempts.map((a) => a.statusCode)).toEqual([400]);
    expect(item.nextAttemptAt).toBeNull();
    await new Promise((r) => setTimeout(r, 500));
    expect(receiver.received).toHaveLength(1);
  });

  it("keeps one task's events in order while the first one is retried", async () => {
    const { auth } = await signUp(t);
    receiver.answer(503, 503, 204);
    await t.http
      .post('/api/v1/webhooks')
      .set(auth)
      .send({ url: receiver.url, events: ['task.created', 'task.completed', 'task.deleted'] })
      .expect(201);
    const task = await t.http.post('/api/v1/tasks').set(auth).send({ title: 'In order' }).expect(201);
    await t.http.put(`/api/v1/tasks/${task.body.id}/complete`).set(auth).expect(200);
    const done = await t.http.get(`/api/v1/tasks/${task.body.id}`).set(auth).expect(200);
    await t.http.delete(`/api/v1/tasks/${task.body.id}`).set(auth).set('If-Match', done.headers['etag']).expect(204);
    await eventually(() => receiver.received.filter((r) => r.answered < 300).length === 3);
    expect(receiver.received.map((r) => `${r.json.type}:${r.answered}`)).toEqual([
      'task.created:503',
      'task.created:503',
      'task.created:204',
      'task.completed:204',
      'task.deleted:204',
    ]);
  });

  it('pings on demand; changes and deletes; validates input', async () => {
    const { auth } = await signUp(t);
    const hook = await t.http
      .post('/api/v1/webhooks')
      .set(auth)
      .send({ url: receiver.url, events: ['task.deleted'] })
      .expect(201);
    const ping = await t.http.post(`/api/v1/webhooks/${hook.body.id}/ping`).set(auth).expect(202);
    expect(ping.body).toMatchObject({ eventType: 'ping', status: 'pending' });
    const [hit] = await eventually(() => receiver.received.length === 1 && receiver.received);
    expect(WebhookReceiver.verify(hook.body.secret, hit)).toMatchObject({ type: 'ping', data: { webhookId: hook.body.id } });
    expect(hit.headers['webhook-id']).toBe(ping.body.id);

    const changed = await t.http
      .patch(`/api/v1/webhooks/${hook.body.id}`)
      .set(auth)
      .send({ events: ['task.created'], enabled: false })
      .expect(200);
    expect(changed.body).toMatchObject({ events: ['task.created'], enabled: false });
    await t.http.post('/api/v1/tasks').set(auth).send({ title: 'Nobody hears' }).expect(201);
    await new Promise((r) => setTimeout(r, 400));
    expect(receiver.received).toHaveLength(1);

    for (const body of [
      { url: receiver.url, events: [] },
      { url: receiver.url, events: ['task.exploded'] },
      { url: 'ftp://x.example/', events: ['ping'] },
      { url: 'not a url', events: ['ping'] },
      { events: ['ping'] },
    ]) {
      expectProblem(await t.http.post('/api/v1/webhooks').set(auth).send(body), 400);
    }
    expect(
      expectProblem(
        await t.http
          .post('/api/v1/webhooks')
          .set(auth)
          .send({ url: 'https://user:pw@hooks.example.com/', events: ['ping'] }),
        400,
      ).code,
    ).toBe('WEBHOOK.URL_REFUSED');
    await t.http.delete(`/api/v1/webhooks/${hook.body.id}`).set(auth).expect(204);
    expectProblem(await t.http.get(`/api/v1/webhooks/${hook.body.id}`).set(auth), 404);
  });

  it("answers 404 for another user's webhook on every route", async () => {
    const ada = await signUp(t, 'Ada');
    const bob = await signUp(t, 'Bob');
    const hook = await t.http
      .post('/api/v1/webhooks')
      .set(ada.auth)
      .send({ url: receiver.url, events: ['ping'] })
      .expect(201);
    const id = hook.body.id as string;
    const attempts = [
      t.http.get(`/api/v1/webhooks/${id}`).set(bob.auth),
      t.http.patch(`/api/v1/webhooks/${id}`).set(bob.auth).send({ enabled: false }),
      t.http.delete(`/api/v1/webhooks/${id}`).set(bob.auth),
      t.http.get(`/api/v1/webhooks/${id}/deliveries`).set(bob.auth),
      t.http.post(`/api/v1/webhooks/${id}/ping`).set(bob.auth),
    ];
    for (const res of await Promise.all(attempts)) expect(expectProblem(res, 404).code).toBe('WEBHOOK.NOT_FOUND');
    expect((await t.http.get('/api/v1/webhooks').set(bob.auth).expect(200)).body.items).toEqual([]);
    expect((await t.http.get(`/api/v1/webhooks/${id}`).set(ada.auth).expect(200)).body.enabled).toBe(true);
    expect(receiver.received).toHaveLength(0);
  });
});

describe('webhooks: an endpoint failing too long (e2e)', () => {
  it('is disabled and its owner gets an in-app notification', async () => {
    const t = await startTestApp({ ...FAST, WEBHOOK_DISABLE_AFTER: '300ms', WEBHOOK_ATTEMPTS: '10' });
    const receiver = await new WebhookReceiver().start();
    try {
      receiver.answer(500);
      const { auth } = await signUp(t);
      const hook = await t.http
        .post('/api/v1/webhooks')
        .set(auth)
        .send({ url: receiver.url, events: ['task.created'] })
        .expect(201);
      await t.http.post('/api/v1/tasks').set(auth).send({ title: 'Into the void' }).expect(201);
      const disabled = await eventually(async () => {
        const res = await t.http.get(`/api/v1/webhooks/${hook.body.id}`).set(auth).expect(200);
        return res.body.enabled === false && res.body;
      });
      expect(disabled.disabledAt).toEqual(expect.any(String));
      expect(disabled.failingSince).toEqual(expect.any(String));
      const notes = await t.http.get('/api/v1/notifications').set(auth).expect(200);
      expect(notes.body.items).toEqual([
        expect.objectContaining({ type: 'webhook-disabled', taskId: hook.body.id, taskTitle: receiver.url }),
      ]);
      // The pending delivery is given up, not sent to a disabled endpoint.
      const [item] = await eventually(async () => {
        const list = (await t.http.get(`/api/v1/webhooks/${hook.body.id}/deliveries`).set(auth).expect(200)).body.items;
        return list[0]?.status === 'failed' && list;
      });
      expect(item.attempts.at(-1).error).toMatch(/disabled/);
    } finally {
      await receiver.stop();
      await t.close();
    }
  });
});

describe('webhooks: private addresses refused (e2e, WEBHOOK_ALLOW_PRIVATE_NETWORKS off)', () => {
  it('refuses loopback endpoints at creation', async () => {
    const t = await startTestApp({ WEBHOOK_ALLOW_PRIVATE_NETWORKS: 'false' });
    const receiver = await new WebhookReceiver().start();
    try {
      const { auth } = await signUp(t);
      const port = new URL(receiver.url).port;
      for (const url of [
        receiver.url,
        `http://localhost:${port}/`,
        `http://[::1]:${port}/`,
        `http://[::ffff:127.0.0.1]:${port}/`,
        `http://0x7f.1:${port}/`,
        `http://0.0.0.0:${port}/`,
      ]) {
        const problem = expectProblem(
          await t.http
            .post('/api/v1/webhooks')
            .set(auth)
            .send({ url, events: ['ping'] }),
          400,
        );
        expect(problem.code).toBe('WEBHOOK.URL_REFUSED');
      }
      expect(receiver.received).toHaveLength(0);
    } finally {
      await receiver.stop();
      await t.close();
    }
  });

  it('checks again at delivery time: an endpoint allowed before is refused after the setting changed, and never called', async () => {
    const receiver = await new WebhookReceiver().start();
    const first = await startTestApp(FAST);
    const { auth, email, password } = await signUp(first);
    const hook = await first.http
      .post('/api/v1/webhooks')
      .set(auth)
      .send({ url: receiver.url, events: ['task.created'] })
      .expect(201);
    await first.close({ keepData: true });
    const t = await startTestApp({ ...FAST, WEBHOOK_ALLOW_PRIVATE_NETWORKS: 'false' }, first.dataDir);
    try {
      const login = await t.http.post('/api/v1/auth/login').send({ email, password }).expect(200);
      const again = { Authorization: `Bearer ${login.body.accessToken}` };
      await t.http.post('/api/v1/tasks').set(again).send({ title: 'Rebound' }).expect(201);
      const [item] = await eventually(async () => {
        const list = (await t.http.get(`/api/v1/webhooks/${hook.body.id}/deliveries`).set(again).expect(200)).body.items;
        return list[0]?.status === 'failed' && list;
      });
      expect(item.attempts).toEqual([expect.objectContaining({ statusCode: null, error: expect.stringMatching(/loopback/) })]);
      expect(receiver.received).toHaveLength(0);
    } finally {
      await receiver.stop();
      await t.close();
    }
  });
});
