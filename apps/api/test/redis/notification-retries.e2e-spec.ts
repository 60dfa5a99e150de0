import { Queue } from 'bullmq';
import { confirmFromSmtp } from '../support/confirm-email';
import { startTestApp, type TestApp } from '../support/test-app';
import { describeWithRedis, dropPrefix, eventually, REDIS_URL, uniquePrefix } from './support/redis-env';
import { isAccountMail, SmtpSink } from './support/smtp-sink';

const HOUR = 3_600_000;

/** Registers and confirms a user with a chosen e-mail (the SMTP sink decides by recipient). */
async function userWithEmail(t: TestApp, smtp: SmtpSink, email: string): Promise<{ Authorization: string }> {
  const password = 'correct horse battery';
  await t.http.post('/api/v1/auth/register').send({ name: 'Mail', email, password }).expect(201);
  // Reminder mail goes to confirmed addresses only: follow the link first.
  await confirmFromSmtp(t, () => smtp.setAsideMail, email);
  const login = await t.http.post('/api/v1/auth/login').send({ email, password }).expect(200);
  return { Authorization: `Bearer ${login.body.accessToken}` };
}

describeWithRedis('notification delivery retries (BullMQ, one all-in-one process)', () => {
  let prefix: string;
  let smtp: SmtpSink;
  let app: TestApp;
  let queue: Queue;
  const perRecipient = new Map<string, number>();

  beforeAll(async () => {
    prefix = uniquePrefix('retry');
    smtp = await new SmtpSink({ setAside: isAccountMail }).start();
    // flaky@ fails once then succeeds; broken@ always fails.
    smtp.behaviour = (_n, to) => {
      const rcpt = to[0] ?? '';
      const seen = (perRecipient.get(rcpt) ?? 0) + 1;
      perRecipient.set(rcpt, seen);
      if (rcpt.startsWith('broken')) return 'reject';
      if (rcpt.startsWith('flaky') && seen === 1) return 'reject';
      return 'accept';
    };
    app = await startTestApp({
      REDIS_URL,
      REDIS_PREFIX: prefix,
      SMTP_URL: smtp.url,
      NOTIFICATION_SCAN_INTERVAL: '1s',
      NOTIFICATION_ATTEMPTS: '3',
      NOTIFICATION_BACKOFF: '300ms',
    });
    queue = new Queue('notifications', { connection: { url: REDIS_URL }, prefix: `${prefix}:bull` });
  });

  afterAll(async () => {
    await queue?.close();
    await app?.close();
    await smtp?.stop();
    if (prefix) await dropPrefix(prefix);
  });

  it('retries after the mail server refused, and sends one e-mail', async () => {
    const email = `flaky-${Date.now()}@example.com`;
    const auth = await userWithEmail(app, smtp, email);
    const task = (
      await app.http
        .post('/api/v1/tasks')
        .set(auth)
        .send({ title: 'Flaky', dueDate: new Date(Date.now() + HOUR).toISOString() })
        .expect(201)
    ).body;

    await eventually(async () => smtp.accepted.some((m) => m.to.includes(email)));
    expect(perRecipient.get(email)).toBe(2); // refused once, accepted on the retry
    expect(smtp.accepted.filter((m) => m.to.includes(email))).toHaveLength(1);

    const job = await queue.getJob(`task-due.${task.id}`);
    expect(await job!.getState()).toBe('completed');
    expect(job!.attemptsMade).toBeGreaterThanOrEqual(2);
    const list = await app.http.get('/api/v1/notifications').set(auth).expect(200);
    expect(list.body.items).toHaveLength(1);
  });

  it('keeps a job that used up its attempts as failed, and the in-app notification still shows', async () => {
    const email = `broken-${Date.now()}@example.com`;
    const auth = await userWithEmail(app, smtp, email);
    const task = (
      await app.http
        .post('/api/v1/tasks')
        .set(auth)
        .send({ title: 'Broken', dueDate: new Date(Date.now() + HOUR).toISOString() })
        .expect(201)
    ).body;

    const job = await eventually(async () => {
      const j = await queue.getJob(`task-due.${task.id}`);
      return j && (await j.getState()) === 'failed' ? j : null;
    });
    expect(job.attemptsMade).toBe(3);
    expect(job.failedReason).toMatch(/451|try again/);
    expect(perRecipient.get(email)).toBe(3);
    const list = await app.http.get('/api/v1/notifications').set(auth).expect(200);
    expect(list.body.items).toEqual([expect.objectContaining({ taskId: task.id, type: 'task-due' })]);
  });
});
