import { User } from '../../identity';
import { Task } from '../../tasks';
import {
  createInMemoryPersistence,
  FixedClock,
  InMemoryDueTaskScanner,
  InMemoryNotificationRepository,
  InMemoryUserPreferencesRepository,
  RecordingMailer,
  RecordingNotificationQueue,
  SequentialIdGenerator,
} from '@primetrade/testing';
import { InvalidPreferencesError } from '../model/notification.errors';
import type { PreferenceChanges } from '../model/user-preferences';
import {
  DailyDigestSender,
  DeliverNotificationCommand,
  DeliverNotificationHandler,
  GetPreferencesHandler,
  GetPreferencesQuery,
  ScanDueTasksHandler,
  UpdatePreferencesCommand,
  UpdatePreferencesHandler,
} from '.';

const MIN = 60_000;
const HOUR = 60 * MIN;

// Reminders and the digest as the preferences say, over the in-memory stores (no mocks).
function setup(start = '2026-06-15T12:00:00.000Z') {
  const persistence = createInMemoryPersistence();
  const clock = new FixedClock(start);
  const ids = new SequentialIdGenerator();
  const notifications = new InMemoryNotificationRepository(persistence.store);
  const preferences = new InMemoryUserPreferencesRepository();
  const mailer = new RecordingMailer();
  const queue = new RecordingNotificationQueue();
  const digests = new DailyDigestSender(preferences, persistence.users, persistence.readModel, mailer);
  const scan = new ScanDueTasksHandler(
    new InMemoryDueTaskScanner(persistence.store, notifications, preferences),
    queue,
    clock,
    notifications,
    preferences,
    digests,
  );
  const deliver = new DeliverNotificationHandler(persistence.tasks, persistence.users, notifications, mailer, ids, clock, preferences);
  const update = new UpdatePreferencesHandler(preferences, clock);

  const user = async (id: string, prefs: PreferenceChanges = {}, confirmed = true) => {
    const u = User.register({ id, name: `User <${id}>`, email: `${id}@example.com`, passwordHash: 'x', now: clock.now() });
    if (confirmed) u.confirmEmail(clock.now());
    await persistence.users.create(u);
    if (Object.keys(prefs).length > 0) await update.execute(new UpdatePreferencesCommand(id, prefs));
  };
  const task = async (id: string, ownerId: string, dueDate: Date | string, title = `Task ${id}`) => {
    await persistence.tasks.insert(Task.create({ id, ownerId, title, dueDate: new Date(dueDate), now: new Date('2026-01-01T00:00:00Z') }));
  };
  /** One scan, then every job it enqueued delivered (what the queue's workers do). */
  const scanAndDeliver = async () => {
    queue.jobs.length = 0;
    const outcome = await scan.execute();
    for (const job of [...queue.jobs]) await deliver.execute(new DeliverNotificationCommand(job));
    return outcome;
  };
  return { persistence, clock, notifications, preferences, mailer, queue, scan, deliver, update, digests, user, task, scanAndDeliver };
}

describe('preferences use cases', () => {
  it('answers the defaults until the user saves, then what was saved', async () => {
    const { preferences, update, clock } = setup();
    const get = new GetPreferencesHandler(preferences);
    expect(await get.execute(new GetPreferencesQuery('u1'))).toEqual({
      timeZone: 'UTC',
      dueSoonLead: '1d',
      channels: { inApp: true, email: true },
      digest: { enabled: false, hour: 7 },
      updatedAt: null,
    });
    await update.execute(new UpdatePreferencesCommand('u1', { timeZone: 'Europe/Berlin', digestEnabled: true, digestHour: 8 }));
    await update.execute(new UpdatePreferencesCommand('u1', { email: false }));
    expect(await get.execute(new GetPreferencesQuery('u1'))).toEqual({
      timeZone: 'Europe/Berlin',
      dueSoonLead: '1d',
      channels: { inApp: true, email: false },
      digest: { enabled: true, hour: 8 },
      updatedAt: clock.now(),
    });
  });

  it('refuses an unknown zone and stores nothing', async () => {
    const { preferences, update } = setup();
    await expect(update.execute(new UpdatePreferencesCommand('u1', { timeZone: 'Europe/Atlantis' }))).rejects.toBeInstanceOf(
      InvalidPreferencesError,
    );
    expect(await preferences.find('u1')).toBeNull();
  });
});

describe('reminders at the chosen lead time', () => {
  it('sends "due soon" only within the lead: 15 minutes, 1 hour, the 1-day default, or never', async () => {
    const t = setup();
    await t.user('quarter', { dueSoonLead: '15m' });
    await t.user('hour', { dueSoonLead: '1h' });
    await t.user('default');
    await t.user('never', { dueSoonLead: 'none' });
    const now = t.clock.now().getTime();
    for (const owner of ['quarter', 'hour', 'default', 'never']) {
      await t.task(`${owner}-10m`, owner, new Date(now + 10 * MIN));
      await t.task(`${owner}-30m`, owner, new Date(now + 30 * MIN));
      await t.task(`${owner}-5h`, owner, new Date(now + 5 * HOUR));
    }
    await t.scanAndDeliver();
    expect(t.mailer.sent.map((m) => m.idempotencyKey).sort()).toEqual(
      ['default-10m', 'default-30m', 'default-5h', 'hour-10m', 'hour-30m', 'quarter-10m'].map((id) => `task-due:${id}`),
    );

    // 16 minutes on, the half-hour task is within 15 minutes; the 10-minute ones went overdue,
    // and `none` sends no "due soon" ever, but the overdue notice still comes.
    t.clock.advance(16 * MIN);
    t.mailer.sent.length = 0;
    await t.scanAndDeliver();
    expect(t.mailer.sent.map((m) => m.idempotencyKey).sort()).toEqual([
      'task-due:quarter-30m',
      ...['default-10m', 'hour-10m', 'never-10m', 'quarter-10m'].map((id) => `task-overdue:${id}`),
    ]);
  });

  it('skips a queued "due soon" job that the lead no longer allows (the user shortened it meanwhile)', async () => {
    const t = setup();
    await t.user('u1');
    await t.task('t1', 'u1', new Date(t.clock.now().getTime() + 5 * HOUR));
    await t.update.execute(new UpdatePreferencesCommand('u1', { dueSoonLead: '1h' }));
    expect(await t.deliver.execute(new DeliverNotificationCommand({ type: 'task-due', taskId: 't1', ownerId: 'u1' }))).toBe('skipped');
    expect(await t.notifications.list('u1', null, 10)).toEqual([]);
  });
});

describe('channels and confirmed addresses', () => {
  const due = (t: ReturnType<typeof setup>, id: string, owner: string) => t.task(id, owner, new Date(t.clock.now().getTime() + HOUR));

  it('in-app off: the notice is stored already read (no unread count, no bell) and mailed', async () => {
    const t = setup();
    await t.user('u1', { inApp: false });
    await due(t, 't1', 'u1');
    await t.scanAndDeliver();
    expect(t.mailer.sent).toHaveLength(1);
    expect(await t.notifications.countUnread('u1')).toBe(0);
    const [stored] = await t.notifications.list('u1', null, 10);
    expect(stored?.readAt).toEqual(t.clock.now());
  });

  it('email off: in-app only, and the scan does not hand the notice back for mail', async () => {
    const t = setup();
    await t.user('u1', { email: false });
    await due(t, 't1', 'u1');
    await t.scanAndDeliver();
    expect(t.mailer.sent).toEqual([]);
    expect(await t.notifications.countUnread('u1')).toBe(1);
    t.clock.advance(10 * MIN);
    expect((await t.scanAndDeliver()).enqueued).toBe(0);
  });

  it('an unconfirmed address gets no mail; the notice is in the app', async () => {
    const t = setup();
    await t.user('u1', {}, false);
    await due(t, 't1', 'u1');
    await t.scanAndDeliver();
    expect(t.mailer.attempts).toBe(0);
    expect(await t.notifications.countUnread('u1')).toBe(1);
    t.clock.advance(10 * MIN);
    expect((await t.scanAndDeliver()).enqueued).toBe(0);
  });
});

describe('the daily digest', () => {
  const digestsTo = (t: ReturnType<typeof setup>, user: string) =>
    t.mailer.sent.filter((m) => m.idempotencyKey.startsWith(`daily-digest:${user}:`)).map((m) => m.idempotencyKey);

  /** Scans every 10 minutes from `from` for `hours`, as the scheduler does. */
  async function scanEvery10Minutes(t: ReturnType<typeof setup>, from: string, hours: number) {
    t.clock.set(from);
    for (let i = 0; i < hours * 6; i++) {
      await t.scan.execute();
      t.clock.advance(10 * MIN);
    }
  }

  it.each([
    // Europe/Berlin: CET (+1) → CEST (+2) on 2026-03-29, back on 2026-10-25.
    ['Europe/Berlin', '2026-03-28', '2026-03-28T06:00:00.000Z', '2026-03-29', '2026-03-29T05:00:00.000Z'],
    ['Europe/Berlin', '2026-10-24', '2026-10-24T05:00:00.000Z', '2026-10-25', '2026-10-25T06:00:00.000Z'],
    // America/New_York: EST (−5) → EDT (−4) on 2026-03-08, back on 2026-11-01.
    ['America/New_York', '2026-03-07', '2026-03-07T12:00:00.000Z', '2026-03-08', '2026-03-08T11:00:00.000Z'],
    ['America/New_York', '2026-10-31', '2026-10-31T11:00:00.000Z', '2026-11-01', '2026-11-01T12:00:00.000Z'],
  ])('in %s stays at 07:00 local across the change (%s, %s)', async (zone, day1, at1, day2, at2) => {
    const t = setup();
    await t.user('u1', { timeZone: zone, digestEnabled: true, digestHour: 7 });
    const sentAt: string[] = [];
    const original = t.mailer.send.bind(t.mailer);
    t.mailer.send = async (m) => {
      sentAt.push(t.clock.now().toISOString());
      await original(m);
    };
    // Two whole days, scanned every 10 minutes: one digest a day, in the 07:00 local hour.
    await scanEvery10Minutes(t, `${day1}T00:00:00.000Z`, 48);
    expect(digestsTo(t, 'u1')).toEqual([`daily-digest:u1:${day1}`, `daily-digest:u1:${day2}`]);
    expect(sentAt).toEqual([at1, at2]);
  });

  it('lists the open tasks due that local day and the overdue ones, where the local day is not the UTC day', async () => {
    // 19:00 UTC on 15 June is 07:00 on 16 June in Auckland (+12).
    const t = setup('2026-06-15T19:00:00.000Z');
    await t.user('u1', { timeZone: 'Pacific/Auckland', digestEnabled: true, digestHour: 7 });
    await t.task('late', 'u1', '2026-06-14T09:00:00.000Z', 'Overdue <b>report</b>');
    await t.task('today', 'u1', '2026-06-16T10:00:00.000Z', 'Due tonight local'); // 22:00 on the 16th in Auckland
    await t.task('tomorrow', 'u1', '2026-06-16T13:00:00.000Z', 'Due after local midnight'); // 01:00 on the 17th
    await t.task('done', 'u1', '2026-06-15T20:00:00.000Z', 'Completed already');
    const done = (await t.persistence.tasks.findById('u1', 'done'))!;
    done.complete(t.clock.now());
    await t.persistence.tasks.update(done);

    expect((await t.scan.execute()).digests).toBe(1);
    const [mail] = t.mailer.sent;
    expect(mail).toMatchObject({
      to: 'u1@example.com',
      idempotencyKey: 'daily-digest:u1:2026-06-16',
      subject: 'Your tasks for 2026-06-16: 2 open',
    });
    expect(mail?.text).toContain('Overdue <b>report</b> — overdue since');
    expect(mail?.text).toContain('Due tonight local — due 16 Jun 2026, 22:00');
    expect(mail?.text).not.toContain('after local midnight');
    expect(mail?.text).not.toContain('Completed');
    expect(mail?.html).toContain('Overdue &#60;b&#62;report&#60;/b&#62;');
    expect(mail?.html).toContain('User &#60;u1&#62;');
  });

  it('goes once per local day however many workers scan at once, and again the next day', async () => {
    const t = setup('2026-06-15T07:05:00.000Z');
    await t.user('u1', { digestEnabled: true, digestHour: 7 });
    const other = new DailyDigestSender(t.preferences, t.persistence.users, t.persistence.readModel, t.mailer);
    const counts = await Promise.all([t.digests.sendDue(t.clock.now()), other.sendDue(t.clock.now()), t.digests.sendDue(t.clock.now())]);
    expect(counts.reduce((a, b) => a + b)).toBe(1);
    t.clock.advance(50 * MIN);
    expect((await t.scan.execute()).digests).toBe(0);
    t.clock.advance(23 * HOUR + 10 * MIN);
    expect((await t.scan.execute()).digests).toBe(1);
    expect(digestsTo(t, 'u1')).toEqual(['daily-digest:u1:2026-06-15', 'daily-digest:u1:2026-06-16']);
  });

  it('goes to confirmed addresses only, and not when the digest is off or it is another hour', async () => {
    const t = setup('2026-06-15T07:00:00.000Z');
    await t.user('unconfirmed', { digestEnabled: true, digestHour: 7 }, false);
    await t.user('off', { digestEnabled: false, digestHour: 7 });
    await t.user('later', { digestEnabled: true, digestHour: 9 });
    expect((await t.scan.execute()).digests).toBe(0);
    expect(t.mailer.attempts).toBe(0);
  });

  it('tries again on a later scan in the same hour when the mailer refused', async () => {
    const t = setup('2026-06-15T07:00:00.000Z');
    await t.user('u1', { digestEnabled: true, digestHour: 7 });
    t.mailer.failures = 1;
    await expect(t.scan.execute()).rejects.toThrow('451');
    t.clock.advance(10 * MIN);
    expect((await t.scan.execute()).digests).toBe(1);
    expect(digestsTo(t, 'u1')).toEqual(['daily-digest:u1:2026-06-15']);
  });
});
