import Database from 'better-sqlite3';
import { join } from 'node:path';
import { Mailer } from '@primetrade/domain';
import type { SqliteOutboxMailer } from '@primetrade/infrastructure/sqlite';
import { confirmFromOutbox } from '../support/confirm-email';
import { signUp, startTestApp, type TestApp } from '../support/test-app';
import { eventually, sleep } from './support/redis-env';

const HOUR = 3_600_000;

// No REDIS_URL, no SMTP_URL: the embedded default (in-process queue and timer, outbox mailer).
describe('notifications without Redis (in-process queue, outbox mailer)', () => {
  let app: TestApp;

  beforeAll(async () => {
    app = await startTestApp({ NOTIFICATION_SCAN_INTERVAL: '500ms', NOTIFICATION_BACKOFF: '100ms' });
  });

  afterAll(async () => {
    await app?.close();
  });

  // Recipient, subject and body are sealed at rest: the outbox is read through the mailer.
  // Notice mails only: each sign-up also mails a link to confirm the address.
  const outbox = async (to: string) =>
    (await app.app.get<SqliteOutboxMailer>(Mailer, { strict: false }).messages()).filter(
      (m) => m.to === to && !m.subject.startsWith('Confirm your'),
    );
  /** A user whose address is confirmed (reminder mail goes to confirmed addresses only). */
  const confirmedUser = async () => {
    const user = await signUp(app);
    await confirmFromOutbox(app, () => app.app.get<SqliteOutboxMailer>(Mailer, { strict: false }).messages(), user.email);
    return user;
  };
  const rawRows = (table: 'notifications' | 'mail_outbox') => {
    const db = new Database(join(app.dataDir, 'primetrade.sqlite'), { readonly: true });
    try {
      return JSON.stringify(db.prepare(`SELECT * FROM ${table}`).all());
    } finally {
      db.close();
    }
  };

  it('notifies due and overdue open tasks once, skips closed ones, and stores the mail in the outbox', async () => {
    const user = await confirmedUser();
    const post = (body: object) =>
      app.http
        .post('/api/v1/tasks')
        .set(user.auth)
        .send(body)
        .expect(201)
        .then((r) => r.body as { id: string });
    const dueSoon = await post({ title: 'Due soon', dueDate: new Date(Date.now() + HOUR).toISOString() });
    const overdue = await post({ title: 'Late', dueDate: new Date(Date.now() - HOUR).toISOString() });
    const done = await post({ title: 'Done', dueDate: new Date(Date.now() + HOUR).toISOString() });
    await app.http.put(`/api/v1/tasks/${done.id}/complete`).set(user.auth).expect(200);
    await post({ title: 'Far away', dueDate: new Date(Date.now() + 72 * HOUR).toISOString() });

    await eventually(async () => (await app.http.get('/api/v1/notifications').set(user.auth)).body.items?.length >= 2);
    await sleep(1500); // several more scans
    const page = (await app.http.get('/api/v1/notifications').set(user.auth).expect(200)).body;
    expect(page.items.map((n: { taskId: string; type: string }) => [n.taskId, n.type]).sort()).toEqual(
      [
        [dueSoon.id, 'task-due'],
        [overdue.id, 'task-overdue'],
      ].sort(),
    );
    expect(page.unreadCount).toBe(2);
    expect((await outbox(user.email)).map((m) => m.subject).sort()).toEqual(['Task due soon: Due soon', 'Task overdue: Late']);
    expect(page.items.map((n: { taskTitle: string }) => n.taskTitle).sort()).toEqual(['Due soon', 'Late']);
    // Raw rows: no email, no task title.
    for (const table of ['notifications', 'mail_outbox'] as const) {
      const dump = rawRows(table);
      expect(dump).not.toContain(user.email);
      expect(dump).not.toMatch(/example\.com|Due soon|"Late"|Task overdue/);
    }
  });

  it('pages newest first with a cursor', async () => {
    const user = await signUp(app);
    for (let i = 0; i < 3; i++)
      await app.http
        .post('/api/v1/tasks')
        .set(user.auth)
        .send({ title: `p${i}`, dueDate: new Date(Date.now() - (i + 1) * HOUR).toISOString() })
        .expect(201);
    await eventually(async () => (await app.http.get('/api/v1/notifications').set(user.auth)).body.items?.length === 3);

    const first = (await app.http.get('/api/v1/notifications?limit=2').set(user.auth).expect(200)).body;
    expect(first.items).toHaveLength(2);
    expect(first.unreadCount).toBe(3);
    const second = (await app.http.get(`/api/v1/notifications?limit=2&cursor=${first.nextCursor}`).set(user.auth).expect(200)).body;
    expect(second.items).toHaveLength(1);
    expect(second.nextCursor).toBeNull();
    const all = [...first.items, ...second.items];
    expect(new Set(all.map((n: { id: string }) => n.id)).size).toBe(3);
    const times = all.map((n: { createdAt: string }) => n.createdAt);
    expect([...times].sort().reverse()).toEqual(times);

    await app.http.get('/api/v1/notifications?cursor=not-a-cursor').set(user.auth).expect(400);
    await app.http.get('/api/v1/notifications').expect(401);
  });
});
