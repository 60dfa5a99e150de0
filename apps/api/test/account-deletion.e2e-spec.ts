import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { eventually } from './redis/support/redis-env';
import { expectProblem, signUp, startTestApp, type TestApp } from './support/test-app';
import { binary, unzip } from './support/zip';

describe('take my data and leave (e2e, embedded store)', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp({ NOTIFICATION_SCAN_INTERVAL: '1s' });
  });
  afterAll(async () => {
    await t?.close();
  });

  /** Everything a user leaves behind: tasks (one edited, one completed, one due soon), a file, a feed, a stored response, tokens. */
  async function busyUser(marker: string) {
    const user = await signUp(t, `Name ${marker}`);
    const post = (body: object, headers: Record<string, string> = {}) =>
      t.http
        .post('/api/v1/tasks')
        .set(user.auth)
        .set(headers)
        .send(body)
        .expect(201)
        .then((r) => r.body as { id: string; version: number });
    const first = await post({ title: `First ${marker}`, description: `Notes ${marker}`, tags: [`tag${marker}`] });
    await t.http
      .patch(`/api/v1/tasks/${first.id}`)
      .set(user.auth)
      .send({ title: `Edited ${marker}` })
      .expect(200);
    const done = await post({ title: `Done ${marker}` }, { 'Idempotency-Key': `key-${marker}` });
    await t.http.put(`/api/v1/tasks/${done.id}/complete`).set(user.auth).expect(200);
    const due = await post({ title: `Due ${marker}`, dueDate: new Date(Date.now() + 3_600_000).toISOString() });
    await t.http
      .post(`/api/v1/tasks/${first.id}/attachments`)
      .set(user.auth)
      .attach('file', Buffer.from(`file body ${marker}`), `notes-${marker}.txt`)
      .expect(201);
    await t.http.post('/api/v1/calendar/feed').set(user.auth).expect(201);
    await t.http
      .post('/api/v1/users/me/email')
      .set(user.auth)
      .send({ email: `new-${marker}@example.com`, currentPassword: user.password })
      .expect(202);
    await eventually(async () => (await t.http.get('/api/v1/notifications').set(user.auth)).body.items?.length >= 1, 10_000);
    return { ...user, taskIds: [first.id, done.id, due.id] };
  }

  it('exports everything of the user as one archive, then erases it all: nothing of theirs is left in the SQLite file or the file store', async () => {
    const leaving = await busyUser('qzxleaving');
    const staying = await busyUser('qzxstaying');

    // Take my data.
    const res = await t.http.get('/api/v1/users/me/export').set(leaving.auth).buffer(true).parse(binary).expect(200);
    expect(res.headers['content-type']).toBe('application/zip');
    expect(res.headers['content-disposition']).toMatch(/^attachment; filename="primetrade-\d{4}-\d{2}-\d{2}\.zip"$/);
    const entries = await unzip(res.body as Buffer);
    const json = (name: string) => JSON.parse(entries.get(name)!.toString('utf8'));
    expect(json('account.json').user).toMatchObject({ id: leaving.userId, email: leaving.email, name: 'Name qzxleaving' });
    expect(json('account.json').sessions.length).toBeGreaterThanOrEqual(1);
    expect(
      json('tasks.json')
        .map((task: { id: string }) => task.id)
        .sort(),
    ).toEqual([...leaving.taskIds].sort());
    expect(json('tasks.json').map((task: { title: string }) => task.title)).toContain('Edited qzxleaving');
    expect(json('notifications.json')).toEqual([expect.objectContaining({ taskTitle: 'Due qzxleaving' })]);
    const [attachment] = json('attachments.json');
    expect(attachment).toMatchObject({ fileName: 'notes-qzxleaving.txt', taskId: leaving.taskIds[0] });
    expect(entries.get(attachment.path)?.toString('utf8')).toBe('file body qzxleaving');
    expect(JSON.stringify([...entries.values()].map(String))).not.toContain('qzxstaying');

    // Leave: the password is needed.
    expect(expectProblem(await t.http.delete('/api/v1/users/me').set(leaving.auth).send({ password: 'not it' }), 400).code).toBe(
      'AUTH.WRONG_PASSWORD',
    );
    await t.http.delete('/api/v1/users/me').set(leaving.auth).send({ password: leaving.password }).expect(204);
    expectProblem(await t.http.post('/api/v1/auth/login').send({ email: leaving.email, password: leaving.password }), 401);
    expectProblem(await t.http.get('/api/v1/users/me').set(leaving.auth), 404);
    expect((await t.http.get('/api/v1/tasks').set(leaving.auth).expect(200)).body.items).toEqual([]);
    expectProblem(await t.http.get(`/api/v1/tasks/${leaving.taskIds[0]}`).set(leaving.auth), 404);
    // The other user still has all of theirs.
    expect((await t.http.get('/api/v1/tasks').set(staying.auth).expect(200)).body.items).toHaveLength(3);

    // Nothing of the user in the file, its write-ahead log or the file store; the other user's text is there (so the check could see it).
    const file = join(t.dataDir, 'primetrade.sqlite');
    const raw = Buffer.concat([file, `${file}-wal`].filter(existsSync).map((f) => readFileSync(f)));
    expect(raw.includes('qzxstaying')).toBe(true);
    for (const trace of ['qzxleaving', leaving.userId, ...leaving.taskIds]) expect(raw.includes(trace)).toBe(false);
    const stored = readdirSync(join(t.dataDir, 'attachments'), { recursive: true }).map(String);
    expect(stored.some((name) => name.includes(attachment.id))).toBe(false);
    expect(stored.length).toBeGreaterThan(0); // the other user's file

    const db = new Database(file, { readonly: true });
    try {
      // The search index holds none of the user's trigrams (the other user's are there).
      db.exec("CREATE VIRTUAL TABLE temp.terms USING fts5vocab(main, 'tasks_fts', 'row')");
      const terms = new Set(db.prepare('SELECT term FROM temp.terms').pluck().all() as string[]);
      expect(terms.has('qzx')).toBe(true);
      for (const trigram of ['zxl', 'xle', 'lea', 'eav', 'avi', 'vin']) expect(terms.has(trigram)).toBe(false);
      // Nor do its segments still hold them under a delete marker (FTS5 secure-delete, migration 19).
      const segments = Buffer.concat(db.prepare('SELECT block FROM tasks_fts_data').pluck().all() as Buffer[]);
      expect(segments.includes('zxs')).toBe(true);
      for (const trigram of ['zxl', 'xle']) expect(segments.includes(trigram)).toBe(false);
      // And no row in any table names the user.
      const tables = db
        .prepare("SELECT name FROM sqlite_schema WHERE type = 'table' AND name NOT LIKE 'sqlite_%'")
        .pluck()
        .all() as string[];
      for (const table of tables) {
        const columns = (db.pragma(`table_info("${table}")`) as { name: string }[])
          .map((c) => c.name)
          .filter((c) => ['owner_id', 'user_id', 'id'].includes(c));
        for (const column of columns)
          expect([table, column, db.prepare(`SELECT COUNT(*) FROM "${table}" WHERE "${column}" = ?`).pluck().get(leaving.userId)]).toEqual([
            table,
            column,
            0,
          ]);
      }
    } finally {
      db.close();
    }
  });

  it('asks for the password, and another user cannot delete anyone but themselves', async () => {
    const ada = await signUp(t, 'Ada');
    expectProblem(await t.http.delete('/api/v1/users/me').set(ada.auth).send({}), 400);
    expectProblem(await t.http.delete('/api/v1/users/me').send({ password: ada.password }), 401);
    await t.http.get('/api/v1/users/me').set(ada.auth).expect(200);
  });
});
