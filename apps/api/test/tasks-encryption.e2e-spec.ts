import { join } from 'node:path';
import Database from 'better-sqlite3';
import { signUp, startTestApp, STORE, type TestApp } from './support/test-app';

/** ENCRYPT_TASK_CONTENT=true: the API behaves as before while SQLite holds only sealed task text. */
(STORE === 'sqlite' ? describe : describe.skip)('task content encrypted at rest (e2e, ENCRYPT_TASK_CONTENT=true)', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp({ ENCRYPT_TASK_CONTENT: 'true' });
  });
  afterAll(() => t.close());

  const rawTasks = () => {
    const db = new Database(join(t.dataDir, 'primetrade.sqlite'), { readonly: true });
    try {
      return db.prepare('SELECT * FROM tasks').all() as Record<string, unknown>[];
    } finally {
      db.close();
    }
  };

  it('creates, lists, searches (q) and updates; the rows hold no plaintext text', async () => {
    const { auth } = await signUp(t);
    const other = await signUp(t, 'Eve');
    const titles = ['Renew zeppelin', 'Zeppelin photos', 'Water the plants', 'Call the dentist', 'Book flights'];
    for (const [i, title] of titles.entries()) {
      await t.http
        .post('/api/v1/tasks')
        .set(auth)
        .send({ title, description: i === 4 ? 'bring the ZEPPELIN number' : `step ${i}`, priority: i % 2 ? 'high' : 'low' })
        .expect(201);
    }
    await t.http.post('/api/v1/tasks').set(other.auth).send({ title: 'Zeppelin of Eve' }).expect(201);

    const list = (query: Record<string, unknown>, headers = auth) => t.http.get('/api/v1/tasks').query(query).set(headers).expect(200);
    const all = (await list({ sort: 'createdAt', order: 'asc' })).body.items as { id: string; title: string }[];
    expect(all.map((i) => i.title)).toEqual(titles);

    // q: title or description, case-insensitive, owner-scoped, within the other filters, paged.
    const found = (await list({ q: 'zeppelin', sort: 'createdAt', order: 'asc' })).body.items.map((i: { title: string }) => i.title);
    expect(found).toEqual(['Renew zeppelin', 'Zeppelin photos', 'Book flights']);
    expect((await list({ q: 'ZEPPELIN', priority: 'high' })).body.items.map((i: { title: string }) => i.title)).toEqual([
      'Zeppelin photos',
    ]);
    const first = await list({ q: 'zeppelin', sort: 'createdAt', order: 'asc', limit: 2 });
    expect(first.body.items).toHaveLength(2);
    const second = await list({ q: 'zeppelin', sort: 'createdAt', order: 'asc', limit: 2, cursor: first.body.nextCursor });
    expect(second.body.items.map((i: { title: string }) => i.title)).toEqual(['Book flights']);
    expect((await list({ q: 'zeppelin' }, other.auth)).body.items.map((i: { title: string }) => i.title)).toEqual(['Zeppelin of Eve']);

    const plants = all.find((i) => i.title === 'Water the plants')!;
    const edited = await t.http
      .patch(`/api/v1/tasks/${plants.id}`)
      .set(auth)
      .set('If-Match', '"1"')
      .send({ title: 'Water the orchids', description: 'zeppelin not needed' })
      .expect(200);
    expect(edited.body).toMatchObject({ title: 'Water the orchids', description: 'zeppelin not needed', version: 2 });
    expect((await t.http.get(`/api/v1/tasks/${plants.id}`).set(auth).expect(200)).body.title).toBe('Water the orchids');
    expect((await list({ q: 'orchid' })).body.items.map((i: { id: string }) => i.id)).toEqual([plants.id]);
    expect((await list({ q: 'zeppelin' })).body.items).toHaveLength(4);

    const rows = rawTasks();
    expect(rows).toHaveLength(6);
    expect(rows.every((row) => row.content_sealed === 1)).toBe(true);
    expect(JSON.stringify(rows)).not.toMatch(/zeppelin|plants|orchid|dentist|flights|step \d/i);
    // …and no log line carries it either.
    expect(t.rawLogs.join('\n')).not.toMatch(/zeppelin|orchid|dentist/i);
  });
});
