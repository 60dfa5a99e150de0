import { confirmFromSmtp } from '../support/confirm-email';
import { signUp, startTestApp, type TestApp } from '../support/test-app';
import { describeWithRedis, dropPrefix, eventually, REDIS_URL, uniquePrefix } from './support/redis-env';
import { isAccountMail, SmtpSink } from './support/smtp-sink';
import { buildServer, removeBuild, startProcess, whenListening, type WorkerProcess } from './support/worker-process';

describeWithRedis('a job whose worker dies mid-run', () => {
  let out: string;
  let prefix: string;
  let smtp: SmtpSink;
  let api: TestApp;
  const workers: WorkerProcess[] = [];

  beforeAll(async () => {
    out = buildServer();
    prefix = uniquePrefix('stalled');
    smtp = await new SmtpSink({ setAside: isAccountMail }).start();
    // The first delivery hangs inside the SMTP conversation: its worker is stuck mid-job.
    smtp.behaviour = (n) => (n === 1 ? 'hang' : 'accept');
  }, 60_000);

  afterAll(async () => {
    await Promise.all(workers.map((w) => w.stop('SIGKILL')));
    await api?.close();
    await smtp?.stop();
    if (prefix) await dropPrefix(prefix);
    if (out) removeBuild(out);
  }, 30_000);

  it('is picked up by another worker after the lock expires, and the e-mail goes out once', async () => {
    const env = { REDIS_URL, REDIS_PREFIX: prefix, NOTIFICATION_SCAN_INTERVAL: '1s', SMTP_URL: smtp.url, NOTIFICATION_LOCK: '2s' };
    api = await startTestApp({ ...env, ROLE: 'api' });
    const workerEnv = { ...env, DATA_DIR: api.dataDir, JWT_SECRET: 'e2e-secret-that-is-long-enough-for-hs256-keys' };
    const first = startProcess(out, workerEnv);
    workers.push(first);
    await whenListening(first);

    const user = await signUp(api);
    // Reminder mail goes to confirmed addresses only: follow the link first.
    await confirmFromSmtp(api, () => smtp.setAsideMail, user.email);
    await api.http
      .post('/api/v1/tasks')
      .set(user.auth)
      .send({ title: 'Survives a crash', dueDate: new Date(Date.now() + 3_600_000).toISOString() })
      .expect(201);
    await eventually(async () => smtp.attempts >= 1); // the first worker is now stuck in the job

    const second = startProcess(out, workerEnv);
    workers.push(second);
    await whenListening(second);
    await first.stop('SIGKILL');

    await eventually(async () => smtp.accepted.length >= 1, 20_000);
    expect(smtp.accepted).toHaveLength(1);
    expect(smtp.accepted[0]!.to).toEqual([user.email]);
    const list = await api.http.get('/api/v1/notifications').set(user.auth).expect(200);
    expect(list.body.items).toHaveLength(1);
  });
});
