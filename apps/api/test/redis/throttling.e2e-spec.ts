import { signUp, startTestApp, type TestApp } from '../support/test-app';
import { describeWithRedis, dropPrefix, REDIS_URL, uniquePrefix } from './support/redis-env';

describeWithRedis('rate limits shared by two app instances through Redis', () => {
  let prefix: string;
  let a: TestApp;
  let b: TestApp;

  beforeAll(async () => {
    prefix = uniquePrefix('throttle');
    const env = { REDIS_URL, REDIS_PREFIX: prefix, THROTTLE_LOGIN_LIMIT: '4', THROTTLE_LOGIN_TTL_SECONDS: '60' };
    a = await startTestApp(env);
    b = await startTestApp(env);
  });

  afterAll(async () => {
    await a?.close();
    await b?.close();
    if (prefix) await dropPrefix(prefix);
  });

  it('counts login attempts against one budget whichever replica answers', async () => {
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
  let prefix: string;
  let a: TestApp;
  let b: TestApp;

  beforeAll(async () => {
    prefix = uniquePrefix('bulk-throttle');
    const env = { REDIS_URL, REDIS_PREFIX: prefix, THROTTLE_TASK_CREATE_LIMIT: '3', THROTTLE_TASK_CREATE_TTL_SECONDS: '60' };
    a = await startTestApp(env);
    b = await startTestApp(env);
  });

  afterAll(async () => {
    await a?.close();
    await b?.close();
    if (prefix) await dropPrefix(prefix);
  });

  it('counts each task a batch creates on one replica against what single creates spent on another', async () => {
    const { auth } = await signUp(a);
    await b.http.post('/api/v1/tasks').set(auth).send({ title: 'single' }).expect(201);
    const creates = Array.from({ length: 3 }, (_, i) => ({ op: 'create', task: { title: `bulk ${i}` } }));
    const res = await a.http.post('/api/v1/tasks/bulk').set(auth).send({ operations: creates }).expect(200);
    expect((res.body.results as { status: number }[]).map((r) => r.status)).toEqual([201, 201, 429]);
    expect((await b.http.post('/api/v1/tasks').set(auth).send({ title: 'over' })).status).toBe(429);
  });
});
