import { request as httpRequest } from 'node:http';
import { Logger } from '@nestjs/common';
import { loadConfig } from '../src/config/app-config';
import { MetricsServer } from '../src/observability/metrics-server';
import { Queue } from 'bullmq';
import { describeWithRedis, dropPrefix, REDIS_URL, uniquePrefix } from './redis/support/redis-env';
import { signUp, startTestApp, type TestApp } from './support/test-app';

/** GET over plain node:http: the metrics listener is not the app, so supertest's base URL does not apply. */
function get(port: number, path: string): Promise<{ status: number; type: string; body: string }> {
  return new Promise((resolve, reject) => {
    httpRequest({ host: '127.0.0.1', port, path }, (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => (body += chunk));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, type: String(res.headers['content-type']), body }));
    })
      .on('error', reject)
      .end();
  });
}

/** The value of one sample line, e.g. sample(text, 'http_requests_total', { route: '/api/v1/tasks' }). */
function sample(text: string, name: string, labels: Record<string, string>): number | undefined {
  const wanted = Object.entries(labels).map(([k, v]) => `${k}="${v}"`);
  const line = text.split('\n').find((l) => l.startsWith(`${name}{`) && wanted.every((w) => l.includes(w)));
  return line === undefined ? undefined : Number(line.slice(line.lastIndexOf(' ') + 1));
}

describe('metrics (e2e): GET /metrics on the private listener after real requests', () => {
  let t: TestApp;
  let port: number;
  let metrics: string;
  let userId: string;
  const taskIds: string[] = [];

  beforeAll(async () => {
    t = await startTestApp({ METRICS_PORT: '0' });
    port = t.app.get(MetricsServer).port!;
    const user = await signUp(t);
    userId = user.userId;
    for (const priority of ['high', 'high', 'low']) {
      const res = await t.http
        .post('/api/v1/tasks')
        .set(user.auth)
        .send({ title: `a ${priority} task`, priority })
        .expect(201);
      taskIds.push(res.body.id);
    }
    await t.http.get(`/api/v1/tasks/${taskIds[0]}`).set(user.auth).expect(200);
    await t.http.get(`/api/v1/tasks/${taskIds[1]}`).set(user.auth).expect(200);
    await t.http.put(`/api/v1/tasks/${taskIds[0]}/complete`).set(user.auth).expect(200);
    await t.http.get('/api/v1/tasks').expect(401);
    await t.http.get(`/api/v1/no-such-route/${userId}`).expect(404);
    const scraped = await get(port, '/metrics');
    expect(scraped.status).toBe(200);
    expect(scraped.type).toMatch(/^text\/plain; version=0\.0\.4/);
    metrics = scraped.body;
  });
  afterAll(() => t.close());

  it('counts requests by method, route template and status class', () => {
    expect(sample(metrics, 'http_requests_total', { method: 'POST', route: '/api/v1/tasks', status_class: '2xx' })).toBe(3);
    expect(sample(metrics, 'http_requests_total', { method: 'GET', route: '/api/v1/tasks/:id', status_class: '2xx' })).toBe(2);
    expect(sample(metrics, 'http_requests_total', { method: 'PUT', route: '/api/v1/tasks/:id/complete', status_class: '2xx' })).toBe(1);
    // Rejected by the auth guard before any controller runs: still counted.
    expect(sample(metrics, 'http_requests_total', { method: 'GET', route: '/api/v1/tasks', status_class: '4xx' })).toBe(1);
    expect(sample(metrics, 'http_requests_total', { route: 'unmatched', status_class: '4xx' })).toBe(1);
  });

  it('records request durations in a histogram with the latency objective bucket', () => {
    expect(sample(metrics, 'http_request_duration_seconds_count', { method: 'POST', route: '/api/v1/tasks', status_class: '2xx' })).toBe(3);
    expect(
      sample(metrics, 'http_request_duration_seconds_bucket', { route: '/api/v1/tasks', status_class: '2xx', le: '0.5' }),
    ).toBeDefined();
    expect(
      sample(metrics, 'http_request_duration_seconds_sum', { method: 'POST', route: '/api/v1/tasks', status_class: '2xx' }),
    ).toBeGreaterThan(0);
  });

  it('counts created tasks by priority and times completions from the domain events', () => {
    expect(sample(metrics, 'tasks_created_total', { priority: 'high' })).toBe(2);
    expect(sample(metrics, 'tasks_created_total', { priority: 'low' })).toBe(1);
    expect(sample(metrics, 'tasks_created_total', { priority: 'urgent' })).toBe(0);
    expect(sample(metrics, 'task_completion_duration_seconds_count', { priority: 'high' })).toBe(1);
    expect(sample(metrics, 'task_completion_duration_seconds_bucket', { priority: 'high', le: '60' })).toBe(1);
  });

  it('exports Node default metrics', () => {
    for (const name of [
      'process_cpu_user_seconds_total',
      'process_resident_memory_bytes',
      'nodejs_heap_size_used_bytes',
      'nodejs_eventloop_lag_seconds',
    ]) {
      expect(metrics).toMatch(new RegExp(`^${name}[ {]`, 'm'));
    }
  });

  it('never puts a user id, a task id or a raw URL in a label', () => {
    for (const id of [userId, ...taskIds]) expect(metrics).not.toContain(id);
    expect(metrics).not.toMatch(/route="[^"]*no-such-route/);
  });

  it('is not served on the public port, and the metrics port serves nothing else', async () => {
    await t.http.get('/metrics').expect(404);
    await t.http.get('/api/metrics').expect(404);
    expect((await get(port, '/api/health/live')).status).toBe(404);
    expect(port).not.toBe(Number(new URL(t.url).port));
  });
});

describe('METRICS_PORT', () => {
  it('defaults to 9464 outside tests, and to no listener under NODE_ENV=test', () => {
    expect(loadConfig({ NODE_ENV: 'development' }).metricsPort).toBe(9464);
    expect(loadConfig({ NODE_ENV: 'test' }).metricsPort).toBeUndefined();
    expect(loadConfig({ NODE_ENV: 'test', METRICS_PORT: '9100' }).metricsPort).toBe(9100);
  });

  it('keeps the app up when the port is taken', async () => {
    const errors = jest.spyOn(Logger.prototype, 'error');
    const first = await startTestApp({ METRICS_PORT: '0' });
    const taken = String(first.app.get(MetricsServer).port);
    const second = await startTestApp({ METRICS_PORT: taken });
    try {
      expect(second.app.get(MetricsServer).port).toBeUndefined();
      await second.http.get('/api/health/live').expect(200);
      expect(errors.mock.calls.map(([message]) => String(message))).toContainEqual(
        expect.stringContaining(`metrics listener on 127.0.0.1:${taken} failed: listen EADDRINUSE`),
      );
    } finally {
      await second.close();
      await first.close();
      errors.mockRestore();
    }
  });
});

describeWithRedis('metrics (e2e): BullMQ queue depth with Redis', () => {
  it('exports waiting and delayed notification jobs', async () => {
    const prefix = uniquePrefix('metrics');
    // API role: enqueues but processes nothing, so the counts stay put.
    const t = await startTestApp({ METRICS_PORT: '0', REDIS_URL, REDIS_PREFIX: prefix, ROLE: 'api' });
    const queue = new Queue('notifications', { connection: { url: REDIS_URL }, prefix: `${prefix}:bull` });
    const depth = async (state: string) =>
      sample((await get(t.app.get(MetricsServer).port!, '/metrics')).body, 'bullmq_queue_jobs', { queue: 'notifications', state });
    try {
      // The app's own scan schedule may already have put a job there: compare before and after.
      const waiting = (await depth('waiting'))!;
      const delayed = (await depth('delayed'))!;
      await queue.add('probe', {}, { jobId: `${prefix}-w1` });
      await queue.add('probe', {}, { jobId: `${prefix}-w2` });
      await queue.add('probe', {}, { jobId: `${prefix}-d1`, delay: 3_600_000 });
      expect(await depth('waiting')).toBe(waiting + 2);
      expect(await depth('delayed')).toBe(delayed + 1);
      expect(await depth('active')).toBe(0);
    } finally {
      await queue.close();
      await t.close();
      await dropPrefix(prefix);
    }
  });
});
