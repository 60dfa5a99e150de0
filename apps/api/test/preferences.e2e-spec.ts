import { confirmFromSmtp, decodedMail } from './support/confirm-email';
import { eventually, sleep } from './redis/support/redis-env';
import { SmtpSink } from './redis/support/smtp-sink';
import { expectProblem, signUp, startTestApp, type TestApp } from './support/test-app';

const MIN = 60_000;
const HOUR = 60 * MIN;

// The embedded profile (in-process queue and scan timer, SQLite) with mail over a real SMTP server.
describe('preferences, reminders at the lead time and the daily digest (e2e, real SMTP)', () => {
  let t: TestApp;
  let smtp: SmtpSink;
  const env = () => ({ SMTP_URL: smtp.url, NOTIFICATION_SCAN_INTERVAL: '300ms', NOTIFICATION_BACKOFF: '100ms' });

  beforeAll(async () => {
    smtp = await new SmtpSink().start();
    t = await startTestApp(env());
  });
  afterAll(async () => {
    await t?.close();
    await smtp?.stop();
  });

  const confirmed = async (name = 'Ada') => {
    const user = await signUp(t, name);
    await confirmFromSmtp(t, () => smtp.accepted, user.email);
    return user;
  };
  const mailsTo = (email: string, prefix = '') =>
    smtp.accepted.filter((m) => m.to.includes(email) && !m.subject.startsWith('Confirm your') && m.subject.startsWith(prefix));
  const patch = (auth: { Authorization: string }, body: object) => t.http.patch('/api/v1/users/me/preferences').set(auth).send(body);
  const task = (auth: { Authorization: string }, title: string, dueDate: Date) =>
    t.http
      .post('/api/v1/tasks')
      .set(auth)
      .send({ title, dueDate: dueDate.toISOString() })
      .expect(201)
      .then((r) => r.body as { id: string });

  it('answers the defaults, saves a partial change, and refuses a bad zone, hour or lead with 400', async () => {
    const ada = await signUp(t);
    const before = await t.http.get('/api/v1/users/me/preferences').set(ada.auth).expect(200);
    expect(before.body).toEqual({
      timeZone: 'UTC',
      dueSoonLead: '1d',
      channels: { inApp: true, email: true },
      digest: { enabled: false, hour: 7 },
      updatedAt: null,
    });

    const saved = await patch(ada.auth, { timeZone: 'europe/berlin', dueSoonLead: '15m', digest: { enabled: true } }).expect(200);
    expect(saved.body).toMatchObject({ timeZone: 'Europe/Berlin', dueSoonLead: '15m', digest: { enabled: true, hour: 7 } });
    expect((await t.http.get('/api/v1/users/me/preferences').set(ada.auth).expect(200)).body).toEqual(saved.body);

    const zone = expectProblem(await patch(ada.auth, { timeZone: 'Mars/Olympus_Mons' }), 400);
    expect(JSON.stringify(zone)).toContain('timeZone');
    expectProblem(await patch(ada.auth, { digest: { hour: 24 } }), 400);
    expectProblem(await patch(ada.auth, { digest: { hour: -1 } }), 400);
    expectProblem(await patch(ada.auth, { dueSoonLead: '2h' }), 400);
    expectProblem(await patch(ada.auth, { channels: { email: 'yes' } }), 400);
    // Nothing of the refused changes was kept.
    expect((await t.http.get('/api/v1/users/me/preferences').set(ada.auth).expect(200)).body).toEqual(saved.body);
    expectProblem(await t.http.get('/api/v1/users/me/preferences'), 401);
  });

  it('reminds at the chosen lead time, by mail only to a confirmed address', async () => {
    const ada = await confirmed();
    await patch(ada.auth, { dueSoonLead: '15m' }).expect(200);
    const soon = await task(ada.auth, 'Within a quarter hour', new Date(Date.now() + 10 * MIN));
    const later = await task(ada.auth, 'In two hours', new Date(Date.now() + 2 * HOUR));

    await eventually(async () => mailsTo(ada.email).length >= 1);
    await sleep(1500); // several more scans
    expect(mailsTo(ada.email).map((m) => m.subject)).toEqual(['Task due soon: Within a quarter hour']);
    const page = (await t.http.get('/api/v1/notifications').set(ada.auth).expect(200)).body;
    expect(page.items.map((n: { taskId: string }) => n.taskId)).toEqual([soon.id]);
    expect(page.items.map((n: { taskId: string }) => n.taskId)).not.toContain(later.id);

    // Not confirmed: the notice is in the app, no mail goes out.
    const bob = await signUp(t, 'Bob');
    const bobs = await task(bob.auth, 'Bob’s report', new Date(Date.now() + HOUR));
    await eventually(async () => (await t.http.get('/api/v1/notifications').set(bob.auth)).body.items?.length === 1);
    await sleep(1000);
    expect((await t.http.get('/api/v1/notifications').set(bob.auth)).body.items[0]).toMatchObject({ taskId: bobs.id, type: 'task-due' });
    expect(mailsTo(bob.email)).toEqual([]);
  });

  it('mails the daily digest once per local day at the chosen hour, text and HTML, across a restart; none to the unconfirmed', async () => {
    // The digest hour is the current hour in the user's zone; stay clear of the hour's end.
    const untilNextHour = HOUR - (Date.now() % HOUR);
    if (untilNextHour < 20_000) await sleep(untilNextHour + 1000);
    const zone = 'Asia/Kolkata'; // +05:30: the local hour is not the UTC hour
    const parts = new Intl.DateTimeFormat('en-CA', {
      timeZone: zone,
      hour: '2-digit',
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
    }).formatToParts(new Date());
    const part = (type: string) => parts.find((p) => p.type === type)!.value;
    const hour = Number(part('hour'));
    const localDate = `${part('year')}-${part('month')}-${part('day')}`;

    const ada = await confirmed('Ada <digest>');
    await task(ada.auth, 'Overdue <b>invoice</b>', new Date(Date.now() - 2 * HOUR));
    await task(ada.auth, 'Far away', new Date(Date.now() + 72 * HOUR));
    const bob = await signUp(t, 'Bob');
    await patch(bob.auth, { timeZone: zone, digest: { enabled: true, hour } }).expect(200);
    await patch(ada.auth, { timeZone: zone, digest: { enabled: true, hour } }).expect(200);

    const digest = await eventually(async () => mailsTo(ada.email, 'Your tasks for').at(0));
    expect(digest.subject).toBe(`Your tasks for ${localDate}: 1 open`);
    const body = decodedMail(digest);
    expect(body).toMatch(/Content-Type: text\/plain/);
    expect(body).toMatch(/Content-Type: text\/html/);
    expect(body).toContain('Overdue <b>invoice</b> — overdue since');
    expect(body).toContain('Overdue &#60;b&#62;invoice&#60;/b&#62;');
    expect(body).toContain(`(${zone})`);
    expect(body).not.toContain('Far away');

    // More scans, then a restart on the same data: the (user, local date) record holds.
    await sleep(1000);
    await t.close({ keepData: true });
    t = await startTestApp(env(), t.dataDir);
    await sleep(1500);
    expect(mailsTo(ada.email, 'Your tasks for')).toHaveLength(1);
    expect(mailsTo(bob.email, 'Your tasks for')).toEqual([]);
  });
});
