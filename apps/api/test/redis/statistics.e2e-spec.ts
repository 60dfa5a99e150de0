import { Redis } from 'ioredis';
import { signUp, startTestApp, type TestApp } from '../support/test-app';
import { describeWithRedis, dropPrefix, eventually, REDIS_URL, uniquePrefix } from './support/redis-env';

const HOUR = 3_600_000;

/** True once the projection has applied every event published for the owner. */
async function caughtUp(redis: Redis, prefix: string, ownerId: string): Promise<boolean> {
  const [seq, applied] = await redis.mget(`${prefix}:events:seq:${ownerId}`, `${prefix}:stats:{${ownerId}}:applied`);
  return !!seq && seq === applied;
}

describeWithRedis('statistics projection, two-tier cache and events across two app instances', () => {
  let prefix: string;
  let a: TestApp;
  let b: TestApp;
  let redis: Redis;

  beforeAll(async () => {
    prefix = uniquePrefix('stats');
    const env = { REDIS_URL, REDIS_PREFIX: prefix, NOTIFICATION_SCAN_INTERVAL: '1h' };
    a = await startTestApp(env);
    b = await startTestApp(env, a.dataDir); // one database, as replicas behind an ingress
    redis = new Redis(REDIS_URL);
  });

  afterAll(async () => {
    await b?.close({ keepData: true });
    await a?.close();
    redis?.disconnect();
    if (prefix) await dropPrefix(prefix);
  });

  it('never answers stale statistics after a write on the other instance', async () => {
    const user = await signUp(a);
    const stats = async (t: TestApp) => (await t.http.get('/api/v1/tasks/stats/overview').set(user.auth).expect(200)).body;
    expect((await stats(b)).total).toBe(0);
    for (let i = 1; i <= 4; i++) {
      const task = (
        await a.http
          .post('/api/v1/tasks')
          .set(user.auth)
          .send({ title: `t${i}` })
          .expect(201)
      ).body;
      // Warm both tiers on b, then change the task on a: b must see it at once.
      await eventually(() => caughtUp(redis, prefix, user.userId));
      expect((await stats(b)).total).toBe(i);
      expect((await stats(b)).total).toBe(i);
      await a.http.put(`/api/v1/tasks/${task.id}/complete`).set(user.auth).expect(200);
      expect((await stats(b)).byStatus.completed).toBe(i);
    }
    // Once caught up, b answers from the projection (its cache key moved with every write).
    await eventually(() => caughtUp(redis, prefix, user.userId));
    expect(await stats(b)).toEqual(expect.objectContaining({ total: 4, completionRate: 1 }));
    const seq = await redis.get(`${prefix}:events:seq:${user.userId}`);
    await eventually(async () => (await redis.exists(`${prefix}:cache:stats:${user.userId}:${seq}`)) === 1);
  });

  it('stays exact under concurrent writes from both instances', async () => {
    const user = await signUp(a);
    const now = Date.now();
    const create = (t: TestApp, i: number) =>
      t.http
        .post('/api/v1/tasks')
        .set(user.auth)
        .send({ title: `c${i}`, priority: i % 2 ? 'high' : 'low', dueDate: new Date(now + (i % 3 === 0 ? -HOUR : HOUR)).toISOString() })
        .then((r) => r.body as { id: string });
    const created = await Promise.all(Array.from({ length: 30 }, (_, i) => create(i % 2 ? a : b, i)));
    // Then, concurrently: complete 10, delete 5, on alternating instances.
    await Promise.all([
      ...created.slice(0, 10).map((t, i) => (i % 2 ? a : b).http.put(`/api/v1/tasks/${t.id}/complete`).set(user.auth).expect(200)),
      ...created.slice(10, 15).map((t, i) => (i % 2 ? b : a).http.delete(`/api/v1/tasks/${t.id}`).set(user.auth).expect(204)),
    ]);
    await eventually(() => caughtUp(redis, prefix, user.userId));

    // Expected from what was written: 25 left; 10 completed; open ones split by due date.
    const open = created.slice(15).map((_, k) => k + 15);
    const expected = {
      total: 25,
      byStatus: { todo: 15, in_progress: 0, completed: 10, cancelled: 0 },
      overdue: open.filter((i) => i % 3 === 0).length,
      dueSoon: open.filter((i) => i % 3 !== 0).length,
    };
    for (const t of [a, b]) {
      const body = (await t.http.get('/api/v1/tasks/stats/overview').set(user.auth).expect(200)).body;
      expect(body).toEqual(expect.objectContaining(expected));
      expect(body.byPriority.high + body.byPriority.low).toBe(25);
    }
    const counters = await redis.hgetall(`${prefix}:stats:{${user.userId}}:counters`);
    expect(Number(counters['total'])).toBe(25);
  });

  it('carries id, type, occurredAt and the correlation id on the stream', async () => {
    const user = await signUp(a);
    const res = await a.http
      .post('/api/v1/tasks')
      .set(user.auth)
      .set('X-Correlation-ID', 'corr-stream-check-1')
      .send({ title: 'traced' })
      .expect(201);
    const entries = await redis.xrevrange(`${prefix}:events`, '+', '-', 'COUNT', 50);
    const entry = entries
      .map(([, f]) => Object.fromEntries(f.reduce<[string, string][]>((acc, v, i, all) => (i % 2 ? acc : [...acc, [v, all[i + 1]!]]), [])))
      .find((f) => f['aggregateId'] === res.body.id);
    expect(entry).toEqual(
      expect.objectContaining({
        type: 'tasks.task-created',
        ownerId: user.userId,
        correlationId: 'corr-stream-check-1',
        id: expect.any(String),
        occurredAt: expect.any(String),
      }),
    );
  });
});

describeWithRedis('events published while no consumer runs', () => {
  let prefix: string;
  let api: TestApp;
  let worker: TestApp | undefined;
  let redis: Redis;

  beforeAll(async () => {
    prefix = uniquePrefix('events');
    api = await startTestApp({ REDIS_URL, REDIS_PREFIX: prefix, ROLE: 'api' }); // the api role consumes nothing
    redis = new Redis(REDIS_URL);
  });

  afterAll(async () => {
    await worker?.close({ keepData: true });
    await api?.close();
    redis?.disconnect();
    if (prefix) await dropPrefix(prefix);
  });

  it('are applied when a consumer comes up, and none is lost', async () => {
    const user = await signUp(api);
    const ids: string[] = [];
    for (let i = 0; i < 12; i++)
      ids.push(
        (
          await api.http
            .post('/api/v1/tasks')
            .set(user.auth)
            .send({ title: `e${i}` })
            .expect(201)
        ).body.id,
      );
    for (const id of ids.slice(0, 4)) await api.http.put(`/api/v1/tasks/${id}/complete`).set(user.auth).expect(200);
    expect(await caughtUp(redis, prefix, user.userId)).toBe(false);
    // Still exact meanwhile: the projection is behind, so the store answers.
    const before = (await api.http.get('/api/v1/tasks/stats/overview').set(user.auth).expect(200)).body;
    expect(before).toEqual(expect.objectContaining({ total: 12, byStatus: expect.objectContaining({ completed: 4 }) }));

    worker = await startTestApp({ REDIS_URL, REDIS_PREFIX: prefix, ROLE: 'worker' }, api.dataDir);
    await eventually(() => caughtUp(redis, prefix, user.userId));
    const counters = await redis.hgetall(`${prefix}:stats:{${user.userId}}:counters`);
    expect(counters).toEqual(expect.objectContaining({ total: '12', 's:completed': '4', 's:todo': '8', tracked: '1' }));
    const after = (await api.http.get('/api/v1/tasks/stats/overview').set(user.auth).expect(200)).body;
    expect(after).toEqual(before);

    // The consumer stops; more events arrive; a new consumer (another process name) takes them.
    await worker.close({ keepData: true });
    worker = undefined;
    for (const id of ids.slice(4, 10)) await api.http.delete(`/api/v1/tasks/${id}`).set(user.auth).expect(204);
    expect(await caughtUp(redis, prefix, user.userId)).toBe(false);
    worker = await startTestApp({ REDIS_URL, REDIS_PREFIX: prefix, ROLE: 'worker' }, api.dataDir);
    await eventually(() => caughtUp(redis, prefix, user.userId));
    expect(await redis.hgetall(`${prefix}:stats:{${user.userId}}:counters`)).toEqual(
      expect.objectContaining({ total: '6', 's:completed': '4', 's:todo': '2' }),
    );
    const pending = (await redis.xpending(`${prefix}:events`, 'statistics')) as [number, ...unknown[]];
    expect(pending[0]).toBe(0);
  });
});
