import { confirmFromSmtp } from '../support/confirm-email';
import { signUp, startTestApp, type TestApp } from '../support/test-app';
import { describeWithRedis, eventually } from './support/redis-env';
import { PrivateRedis } from './support/private-redis';
import { isAccountMail, SmtpSink } from './support/smtp-sink';

// Runs against a redis-server of its own (stopped and restarted here); the shared one must
// answer too, which says redis-server is installed and runnable on this machine.
describeWithRedis('the API while Redis is down and after it is back', () => {
  const redis = new PrivateRedis();
  let smtp: SmtpSink;
  let app: TestApp;

  beforeAll(async () => {
    await redis.start();
    smtp = await new SmtpSink({ setAside: isAccountMail }).start();
    app = await startTestApp({
      REDIS_URL: redis.url,
      REDIS_PREFIX: 'outage',
      SMTP_URL: smtp.url,
      NOTIFICATION_SCAN_INTERVAL: '1s',
      THROTTLE_LOGIN_LIMIT: '3',
      // The app runs inside the test process, whose heap has grown with every suite before this
      // one: readiness here is about Redis, not about that heap.
      HEALTH_HEAP_LIMIT_MB: '8192',
    });
  }, 30_000);

  afterAll(async () => {
    await redis.start().catch(() => undefined); // closing BullMQ needs Redis (no-op when it runs)
    await app?.close();
    await smtp?.stop();
    await redis.destroy();
  }, 30_000);

  it('serves reads and writes, reports the outage, and resumes queued work when Redis returns', async () => {
    const user = await signUp(app);
    // Reminder mail goes to confirmed addresses only: follow the link first.
    await confirmFromSmtp(app, () => smtp.setAsideMail, user.email);
    // Ready once its Redis connections are up (on a loaded machine that can trail the listen by a moment).
    const ready = await eventually(async () => {
      const res = await app.http.get('/api/health/ready');
      if (res.status !== 200) throw new Error(`not ready: ${JSON.stringify(res.body)}`);
      return res;
    }, 10_000);
    expect(ready.body.info.redis.status).toBe('up');

    await redis.stop();

    const notReady = await app.http.get('/api/health/ready').expect(503);
    expect(notReady.body.error.redis.status).toBe('down');

    const started = Date.now();
    const task = (
      await app.http
        .post('/api/v1/tasks')
        .set(user.auth)
        .send({ title: 'Written during the outage', dueDate: new Date(Date.now() + 3_600_000).toISOString() })
        .expect(201)
    ).body;
    await app.http.get(`/api/v1/tasks/${task.id}`).set(user.auth).expect(200);
    const list = await app.http.get('/api/v1/tasks').set(user.auth).expect(200);
    expect(list.body.items.map((t: { id: string }) => t.id)).toContain(task.id);
    const stats = await app.http.get('/api/v1/tasks/stats/overview').set(user.auth).expect(200);
    expect(stats.body).toEqual(expect.objectContaining({ total: 1, dueSoon: 1 }));
    expect(Date.now() - started).toBeLessThan(5000); // the cache and the stream are bypassed, not waited for

    // Rate limits fall back to per-instance memory: still enforced, never a 500.
    const body = { email: 'nobody@example.com', password: 'wrong password here' };
    const statuses: number[] = [];
    for (let i = 0; i < 4; i++) statuses.push((await app.http.post('/api/v1/auth/login').send(body)).status);
    expect(statuses).toEqual([401, 401, 401, 429]);

    await redis.start();

    await eventually(async () => (await app.http.get('/api/health/ready')).status === 200, 15_000);
    // The scan schedule and the worker pick up again: the task written during the outage is notified.
    const page = await eventually(async () => {
      const res = await app.http.get('/api/v1/notifications').set(user.auth).expect(200);
      return res.body.items.length ? res.body : null;
    }, 20_000);
    expect(page.items).toEqual([expect.objectContaining({ taskId: task.id, type: 'task-due' })]);
    await eventually(async () => smtp.accepted.length === 1);
  });
});
