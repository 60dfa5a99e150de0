import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expectProblem, signUp, STORE, startTestApp } from './support/test-app';

describe('health, docs, logging, durability (e2e)', () => {
  it('serves liveness and readiness without auth, and Swagger UI and JSON', async () => {
    const t = await startTestApp();
    try {
      expect((await t.http.get('/api/health/live').expect(200)).body.status).toBe('ok');
      const ready = await t.http.get('/api/health/ready').expect(200);
      expect(ready.body.info).toMatchObject({ [STORE]: { status: 'up' }, heap: { status: 'up' }, lifecycle: { status: 'up' } });
      const docs = await t.http.get('/api/docs-json').expect(200);
      expect(docs.body.paths['/api/v1/tasks'].get.operationId).toBe('listTasks');
      expect(docs.body.components.securitySchemes.bearer).toMatchObject({ type: 'http', scheme: 'bearer' });
      expect((await t.http.get('/api/docs').redirects(1).expect(200)).text).toContain('swagger');
      // The document's license link answers, without a token.
      expect(docs.body.info.license.url).toBe('/api/license');
      const license = await t.http.get(docs.body.info.license.url).expect(200);
      expect(license.headers['content-type']).toBe('text/plain; charset=utf-8');
      expect(license.text).toContain('All rights reserved');
      const unknown = await t.http.get('/api/v1/nothing-here');
      expectProblem(unknown, 404);
    } finally {
      await t.close();
    }
  });

  it('sets security headers and no X-Powered-By; echoes a sane correlation id and replaces an insane one', async () => {
    const t = await startTestApp();
    try {
      const res = await t.http.get('/api/health/live').set('X-Correlation-ID', 'abc-123.X_y');
      expect(res.headers['x-correlation-id']).toBe('abc-123.X_y');
      expect(res.headers['strict-transport-security']).toMatch(/max-age=31536000/);
      expect(res.headers['content-security-policy']).toMatch(/default-src 'self'/);
      expect(res.headers['x-content-type-options']).toBe('nosniff');
      expect(res.headers['x-powered-by']).toBeUndefined();
      const insane = await t.http.get('/api/health/live').set('X-Correlation-ID', 'bad id with spaces <script>');
      expect(insane.headers['x-correlation-id']).toMatch(/^[0-9a-f-]{36}$/);
      const long = await t.http.get('/api/health/live').set('X-Correlation-ID', 'a'.repeat(129));
      expect(long.headers['x-correlation-id']).not.toBe('a'.repeat(129));
    } finally {
      await t.close();
    }
  });

  it('answers CORS preflights only for allow-listed origins', async () => {
    const t = await startTestApp({ CORS_ORIGINS: 'https://app.example' });
    try {
      const allowed = await t.http
        .options('/api/v1/tasks')
        .set('Origin', 'https://app.example')
        .set('Access-Control-Request-Method', 'POST');
      expect(allowed.headers['access-control-allow-origin']).toBe('https://app.example');
      const denied = await t.http
        .options('/api/v1/tasks')
        .set('Origin', 'https://evil.example')
        .set('Access-Control-Request-Method', 'POST');
      expect(denied.headers['access-control-allow-origin']).toBeUndefined();
    } finally {
      await t.close();
    }
  });

  it('writes one JSON line per request with route, status, duration, correlation and user ids, and no secrets', async () => {
    const t = await startTestApp();
    try {
      const { auth, email, password, refreshToken } = await signUp(t);
      await t.http.post('/api/v1/auth/login').set('Cookie', 'session=sekrit-cookie').send({ email, password }).expect(200);
      const created = await t.http
        .post('/api/v1/tasks')
        .set(auth)
        .set('X-Correlation-ID', 'trace-me-1')
        .send({ title: 'Logged' })
        .expect(201);
      await new Promise((resolve) => setTimeout(resolve, 50));
      const line = t.logs.find((l) => l.correlationId === 'trace-me-1')!;
      expect(line).toMatchObject({
        route: '/api/v1/tasks',
        req: { method: 'POST', url: '/api/v1/tasks' },
        res: { statusCode: 201 },
        responseTime: expect.any(Number),
      });
      expect(typeof line.userId).toBe('string');
      expect(t.logs.filter((l) => l.correlationId === 'trace-me-1')).toHaveLength(1);
      // One correlationId key per line (a duplicated JSON key is hidden by JSON.parse).
      for (const raw of t.rawLogs) expect(raw.match(/"correlationId":/g)?.length ?? 0).toBeLessThanOrEqual(1);
      expect(t.rawLogs.find((raw) => raw.includes('trace-me-1'))!.match(/"correlationId":/g)).toHaveLength(1);
      const all = t.rawLogs.join('\n');
      for (const secret of [password, refreshToken, auth.Authorization.slice(7), 'sekrit-cookie']) expect(all).not.toContain(secret);
      expect(created.body.title).toBe('Logged');
    } finally {
      await t.close();
    }
  });

  it('keeps the data across a restart on the same DATA_DIR', async () => {
    const first = await startTestApp();
    const { auth, email, password } = await signUp(first);
    await first.http.post('/api/v1/tasks').set(auth).send({ title: 'Survives restarts' }).expect(201);
    await first.close({ keepData: true });

    const second = await startTestApp({}, first.dataDir);
    try {
      const login = await second.http.post('/api/v1/auth/login').send({ email, password }).expect(200);
      const list = await second.http.get('/api/v1/tasks').set('Authorization', `Bearer ${login.body.accessToken}`).expect(200);
      expect(list.body.items.map((i: { title: string }) => i.title)).toEqual(['Survives restarts']);
      // The access token from before the restart is still valid: same secret from config.
      await second.http.get('/api/v1/users/me').set(auth).expect(200);
    } finally {
      await second.close();
    }
  });

  it('creates DATA_DIR 0700 and the SQLite file, its WAL and shared memory 0600', async () => {
    if (STORE !== 'sqlite') return;
    const parent = mkdtempSync(join(tmpdir(), 'primetrade-modes-'));
    const dataDir = join(parent, 'data');
    const t = await startTestApp({}, dataDir);
    try {
      const { auth } = await signUp(t);
      await t.http.post('/api/v1/tasks').set(auth).send({ title: 'Private' }).expect(201);
      const mode = (path: string) => (statSync(path).mode & 0o777).toString(8);
      expect(mode(dataDir)).toBe('700');
      for (const file of ['primetrade.sqlite', 'primetrade.sqlite-wal', 'primetrade.sqlite-shm'])
        expect([file, mode(join(dataDir, file))]).toEqual([file, '600']);
    } finally {
      await t.close();
      rmSync(parent, { recursive: true, force: true });
    }
  });

  it('on shutdown turns readiness to 503 first, finishes in-flight requests, then exits', async () => {
    const t = await startTestApp({ SHUTDOWN_DRAIN_MS: '600' });
    const { auth } = await signUp(t);
    const closing = t.close();
    await new Promise((resolve) => setTimeout(resolve, 100));
    const [ready, inflight] = await Promise.all([
      t.http.get('/api/health/ready'),
      t.http.post('/api/v1/tasks').set(auth).send({ title: 'During drain' }),
    ]);
    expect(ready.status).toBe(503);
    expect(ready.body.error.lifecycle).toMatchObject({ status: 'down', state: 'draining' });
    expect(inflight.status).toBe(201);
    await closing;
    await expect(t.http.get('/api/health/live')).rejects.toThrow();
  });
});
