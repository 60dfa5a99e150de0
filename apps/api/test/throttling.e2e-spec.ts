import { expectProblem, signUp, startTestApp, type TestApp } from './support/test-app';

describe('rate limits (e2e)', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp({ THROTTLE_LOGIN_LIMIT: '3', THROTTLE_TASK_CREATE_LIMIT: '4', THROTTLE_DEFAULT_LIMIT: '40' });
  });
  afterAll(() => t.close());

  it('limits logins per IP and email, with problem+json, Retry-After and RateLimit headers', async () => {
    const attempt = (email: string) => t.http.post('/api/v1/auth/login').send({ email, password: 'wrong password' });
    for (let i = 0; i < 3; i++) expectProblem(await attempt('victim@example.com'), 401);
    const blocked = await attempt('victim@example.com');
    expect(expectProblem(blocked, 429).code).toBe('RATE_LIMITED');
    expect(Number(blocked.headers['retry-after'])).toBeGreaterThan(0);
    expect(blocked.headers['ratelimit-policy']).toContain('"login";q=3;w=60');
    // Another email from the same IP still gets its own budget.
    expectProblem(await attempt('someone-else@example.com'), 401);
  });

  it('limits task creation per user and leaves other users alone', async () => {
    const a = await signUp(t);
    for (let i = 0; i < 4; i++) {
      const res = await t.http
        .post('/api/v1/tasks')
        .set(a.auth)
        .send({ title: `t${i}` })
        .expect(201);
      expect(res.headers.ratelimit).toMatch(/"task-create";r=\d+;t=\d+/);
    }
    expectProblem(await t.http.post('/api/v1/tasks').set(a.auth).send({ title: 'one too many' }), 429);
    await t.http.get('/api/v1/tasks').set(a.auth).expect(200);
    const b = await signUp(t);
    await t.http.post('/api/v1/tasks').set(b.auth).send({ title: 'mine' }).expect(201);
  });

  it('applies the global default budget per user and never throttles health probes', async () => {
    const c = await signUp(t);
    let limited = 0;
    for (let i = 0; i < 45; i++) if ((await t.http.get('/api/v1/tasks').set(c.auth)).status === 429) limited++;
    expect(limited).toBeGreaterThan(0);
    for (let i = 0; i < 50; i++) await t.http.get('/api/health/live').expect(200);
  });
});
