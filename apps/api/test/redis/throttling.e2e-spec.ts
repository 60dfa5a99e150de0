import { signUp, startTestApp, type TestApp } from '../support/test-app';
import { describeWithRedis, dropPrefix, REDIS_URL, uniquePrefix } from './support/redis-env';

/** Two app instances on one Redis key prefix of their own (started before, closed and dropped after the suite). */
function twoReplicas(name: string, limits: Record<string, string>): { a: TestApp; b: TestApp } {
  const replicas = {} as { a: TestApp; b: TestApp };
  let prefix: string;
  beforeAll(async () => {
    prefix = uniquePrefix(name);
    const env = { REDIS_URL, REDIS_PREFIX: prefix, ...limits };
    replicas.a = await startTestApp(env);
    replicas.b = await startTestApp(env);
  });
  afterAll(async () => {
    await replicas.a?.close();
    await replicas.b?.close();
    if (prefix) await dropPrefix(prefix);
  });
  return replicas;
}

describeWithRedis('rate limits shared by two app instances through Redis', () => {
  const replicas = twoReplicas('throttle', { THROTTLE_LOGIN_LIMIT: '4', THROTTLE_LOGIN_TTL_SECONDS: '60' });

  it('counts login attempts against one budget whichever replica answers', async () => {
    const { a, b } = replicas;
    const body = { email: `nobody-${Date.now()}@example.com`, password: 'wrong password here' };
    const statuses: number[] = [];
    for (const app of [a, b, a, b, a, b]) statuses.push((await app.http.post('/api/v1/auth/login').send(body)).status);
    // 4 allowed in total (each refused with 401), then 429 on either instance.
    expect(statuses).toEqual([401, 401, 401, 401, 429, 429]);
    const limited = await b.http.post('/api/v1/auth/login').send(body);
    expect(limited.headers['retry-after']).toEqual(expect.any(String));
  });
});

describeWithRedis('task-creation limit shared through Redis by single and bulk creates', () => {
  const replicas = twoReplicas('bulk-throttle', { THROTTLE_TASK_CREATE_LIMIT: '3', THROTTLE_TASK_CREATE_TTL_SECONDS: '60' });

  it('counts each task a batch creates on one replica against what single creates spent on another', async () => {
    const { a, b } = replicas;
    const { auth } = await signUp(a);
    await b.http.post('/api/v1/tasks').set(auth).send({ title: 'single' }).expect(201);
    const creates = Array.from({ length: 3 }, (_, i) => ({ op: 'create', task: { title: `bulk ${i}` } }));
    const res = await a.http.post('/api/v1/tasks/bulk').set(auth).send({ operations: creates }).expect(200);
    expect((res.body.results as { status: number }[]).map((r) => r.status)).toEqual([201, 201, 429]);
    expect((await b.http.post('/api/v1/tasks').set(auth).send({ title: 'over' })).status).toBe(429);
  });
});
