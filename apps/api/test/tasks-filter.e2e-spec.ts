import { signUp, startTestApp, STORE, type TestApp } from './support/test-app';

type Item = { id: string; title: string };

/** GET /tasks?filter=…: the expression language end to end, on the configured store. */
describe('task list filter expressions (e2e)', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t.close());

  async function seed(app: TestApp, auth: Record<string, string>) {
    const tasks = [
      { title: 'Quarterly report', priority: 'urgent', tags: ['work'], dueDate: '2026-11-20T09:00:00Z' },
      { title: 'Report expenses', priority: 'high', tags: ['home'], dueDate: '2027-03-01T09:00:00Z' },
      { title: 'Weekly REPORT draft', priority: 'high', tags: ['work'] },
      { title: 'Water the plants', priority: 'low', tags: ['home'] },
      { title: 'Annual report', priority: 'medium', tags: ['work'], dueDate: '2026-11-25T09:00:00Z' },
      { title: 'Report to the board', priority: 'urgent', tags: [], dueDate: '2026-11-28T09:00:00Z' },
    ];
    const ids: Record<string, string> = {};
    for (const task of tasks) {
      ids[task.title] = (await app.http.post('/api/v1/tasks').set(auth).send(task).expect(201)).body.id;
    }
    await app.http.put(`/api/v1/tasks/${ids['Report to the board']}/complete`).set(auth).expect(200);
    return ids;
  }

  const titles = (body: { items: Item[] }) => body.items.map((i) => i.title);

  it('filters by the documented example, combined with other parameters, sort and cursor; never another user’s tasks', async () => {
    const { auth } = await signUp(t);
    const eve = await signUp(t, 'Eve');
    await seed(t, auth);
    await seed(t, eve.auth);
    const list = (query: Record<string, unknown>, headers = auth) => t.http.get('/api/v1/tasks').query(query).set(headers).expect(200);

    const example = 'priority >= high and (tag = work or due < 2026-12-01) and status != completed and title ~ "report"';
    expect(titles((await list({ filter: example, sort: 'createdAt', order: 'asc' })).body)).toEqual([
      'Quarterly report',
      'Weekly REPORT draft',
    ]);

    // Combined with q and a status parameter (AND), sorted by priority, paged one at a time through the cursor.
    const query = { filter: 'title ~ report and not tag = home', status: 'todo', sort: 'priority', order: 'desc', limit: 1 };
    const seen: string[] = [];
    let cursor: string | undefined;
    do {
      const page = (await list({ ...query, ...(cursor ? { cursor } : {}) })).body;
      seen.push(...titles(page));
      cursor = page.nextCursor ?? undefined;
    } while (cursor && seen.length < 10);
    expect(seen).toEqual(['Quarterly report', 'Weekly REPORT draft', 'Annual report']);

    expect(titles((await list({ filter: 'due is null', q: 'water' })).body)).toEqual(['Water the plants']);
    expect(titles((await list({ filter: 'completed is not null and completed <= now' })).body)).toEqual(['Report to the board']);
    expect((await list({ filter: 'created > now - 1h', limit: 100 })).body.items).toHaveLength(6); // not Eve's six
    expect((await list({ filter: '   ' })).body.items).toHaveLength(6); // blank: no filter

    // The export takes the same filter.
    const exported = await t.http.get('/api/v1/tasks/export').query({ format: 'json', filter: 'tag = home' }).set(auth).expect(200);
    expect((JSON.parse(exported.text) as Item[]).map((i) => i.title)).toEqual(['Report expenses', 'Water the plants']);
  });

  it('answers a bad expression with a 400 problem naming the position and what was expected', async () => {
    const { auth } = await signUp(t);
    const bad = await t.http.get('/api/v1/tasks').query({ filter: 'priority >= high and (tag = work' }).set(auth).expect(400);
    expect(bad.headers['content-type']).toMatch(/application\/problem\+json/);
    expect(bad.body).toMatchObject({
      status: 400,
      code: 'TASK.FILTER_INVALID',
      position: 32,
      line: 1,
      column: 33,
      expected: ['")"'],
      errors: [{ field: 'filter', message: expect.stringContaining('at 32') }],
    });
    const typed = await t.http.get('/api/v1/tasks').query({ filter: 'status < todo', sort: 'dueDate' }).set(auth).expect(400);
    expect(typed.body).toMatchObject({ code: 'TASK.FILTER_INVALID', position: 7, expected: ['=', '!='] });
    // The problem's standard members cannot be overridden by the extension members.
    expect(typed.body.type).toBe('urn:primetrade:problem:task.filter_invalid');
  });

  (STORE === 'sqlite' ? describe : describe.skip)('with ENCRYPT_TASK_CONTENT=true', () => {
    let sealed: TestApp;
    beforeAll(async () => {
      sealed = await startTestApp({ ENCRYPT_TASK_CONTENT: 'true' });
    });
    afterAll(() => sealed.close());

    it('matches ~ and = on title and description by decrypting, like q', async () => {
      const { auth } = await signUp(sealed);
      const other = await signUp(sealed, 'Eve');
      await seed(sealed, auth);
      await seed(sealed, other.auth);
      const list = (filter: string) =>
        sealed.http.get('/api/v1/tasks').query({ filter, sort: 'createdAt', order: 'asc' }).set(auth).expect(200);
      expect(titles((await list('title ~ "REPORT" and priority = urgent')).body)).toEqual(['Quarterly report', 'Report to the board']);
      expect(titles((await list('title = "Water the plants" or (title !~ report and tag = work)')).body)).toEqual(['Water the plants']);
    });
  });
});
