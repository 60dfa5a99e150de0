import { Queue } from 'bullmq';
import { confirmFromSmtp } from '../support/confirm-email';
import { signUp, startTestApp, type TestApp } from '../support/test-app';
import { describeWithRedis, dropPrefix, eventually, REDIS_URL, sleep, uniquePrefix } from './support/redis-env';
import { isAccountMail, SmtpSink } from './support/smtp-sink';
import request from 'supertest';
import { buildServer, removeBuild, startProcess, urlOf, whenListening, type WorkerProcess } from './support/worker-process';

const HOUR = 3_600_000;

// The "done when": REDIS_URL, a 2 s scan, an API process that only enqueues and two
// worker processes; one task due in an hour gives one notification and one e-mail.
describeWithRedis('notifications on BullMQ with two worker processes', () => {
  let out: string;
  let prefix: string;
  let smtp: SmtpSink;
  let api: TestApp;
  let queue: Queue;
  const workers: WorkerProcess[] = [];

  beforeAll(async () => {
    out = buildServer();
    prefix = uniquePrefix('notify');
    smtp = await new SmtpSink({ setAside: isAccountMail }).start();
    const env = { REDIS_URL, REDIS_PREFIX: prefix, NOTIFICATION_SCAN_INTERVAL: '2s', SMTP_URL: smtp.url, NOTIFICATION_BACKOFF: '200ms' };
    api = await startTestApp({ ...env, ROLE: 'api' });
    const workerEnv = { ...env, DATA_DIR: api.dataDir, JWT_SECRET: 'e2e-secret-that-is-long-enough-for-hs256-keys' };
    workers.push(startProcess(out, workerEnv), startProcess(out, workerEnv));
    await Promise.all(workers.map((w) => whenListening(w)));
    queue = new Queue('notifications', { connection: { url: REDIS_URL }, prefix: `${prefix}:bull` });
  }, 60_000);

  afterAll(async () => {
    await Promise.all(workers.map((w) => w.stop()));
    await queue?.close();
    await api?.close();
    await smtp?.stop();
    if (prefix) await dropPrefix(prefix);
    if (out) removeBuild(out);
  }, 30_000);

  it('gives a task due in an hour exactly one task-due notification and one e-mail, over many scans', async () => {
    const user = await signUp(api);
    // Reminder mail goes to confirmed addresses only: follow the link first.
    await confirmFromSmtp(api, () => smtp.setAsideMail, user.email);
    const due = new Date(Date.now() + HOUR).toISOString();
    const task = (await api.http.post('/api/v1/tasks').set(user.auth).send({ title: 'Quarterly report', dueDate: due }).expect(201)).body;

    const page = await eventually(async () => {
      const res = await api.http.get('/api/v1/notifications').set(user.auth).expect(200);
      return res.body.items.length > 0 ? res.body : null;
    });
    expect(page.items).toEqual([
      expect.objectContaining({ type: 'task-due', taskId: task.id, taskTitle: 'Quarterly report', dueDate: due, readAt: null }),
    ]);
    expect(page.unreadCount).toBe(1);
    await eventually(async () => smtp.accepted.some((m) => m.to.includes(user.email)));

    // Extra scans, from the schedule and forced ones racing each other on both workers.
    await Promise.all(Array.from({ length: 6 }, () => queue.add('scan', {})));
    await sleep(5000);

    const mails = smtp.accepted.filter((m) => m.to.includes(user.email));
    expect(mails).toHaveLength(1);
    expect(mails[0]!.subject).toBe('Task due soon: Quarterly report');
    // A real mail: a plain-text and an HTML part.
    expect(mails[0]!.raw).toMatch(/Content-Type: text\/plain/);
    expect(mails[0]!.raw).toMatch(/Content-Type: text\/html/);
    const again = await api.http.get('/api/v1/notifications').set(user.auth).expect(200);
    expect(again.body.items).toHaveLength(1);
    expect(again.body.items[0].id).toBe(page.items[0].id);
  });

  it('keeps one schedule for the whole cluster, however many replicas upsert it', async () => {
    const schedulers = await queue.getJobSchedulers();
    expect(schedulers).toHaveLength(1);
    expect(schedulers[0]).toEqual(expect.objectContaining({ key: 'notification-scan', every: 2000 }));
  });

  it('serves no user routes from a worker, only health', async () => {
    const worker = request(urlOf(workers[0]!));
    await worker.get('/api/health/live').expect(200);
    const ready = await worker.get('/api/health/ready').expect(200);
    expect(ready.body.info.redis.status).toBe('up');
    await worker.get('/api/v1/tasks').expect(404);
    await worker.post('/api/v1/auth/login').send({ email: 'a@example.com', password: 'whatever123' }).expect(404);
  });

  it('marks a notification read, owner-scoped', async () => {
    const owner = await signUp(api);
    const other = await signUp(api, 'Eve');
    await api.http
      .post('/api/v1/tasks')
      .set(owner.auth)
      .send({ title: 'Overdue thing', dueDate: new Date(Date.now() - HOUR).toISOString() })
      .expect(201);
    const page = await eventually(async () => {
      const res = await api.http.get('/api/v1/notifications').set(owner.auth).expect(200);
      return res.body.items.length > 0 ? res.body : null;
    });
    expect(page.items[0].type).toBe('task-overdue');
    const id = page.items[0].id as string;

    await api.http.post(`/api/v1/notifications/${id}/read`).set(other.auth).expect(404);
    const read = await api.http.post(`/api/v1/notifications/${id}/read`).set(owner.auth).expect(200);
    expect(read.body.readAt).toEqual(expect.any(String));
    const after = await api.http.get('/api/v1/notifications').set(owner.auth).expect(200);
    expect(after.body.unreadCount).toBe(0);
    expect(after.body.items[0].readAt).toBe(read.body.readAt);
  });
});
