import { expectProblem, signUp, startTestApp, type TestApp } from './support/test-app';

describe('tasks (e2e)', () => {
  let t: TestApp;
  let auth: { Authorization: string };
  beforeAll(async () => {
    t = await startTestApp();
    ({ auth } = await signUp(t));
  });
  afterAll(() => t.close());

  const create = (body: Record<string, unknown>, headers = auth) => t.http.post('/api/v1/tasks').set(headers).send(body);

  it('creates a task with defaults, an ETag and a Location', async () => {
    const res = await create({ title: '  Write the report ', tags: ['Work', 'work', 'Q3'] }).expect(201);
    expect(res.body).toMatchObject({
      title: 'Write the report',
      description: '',
      status: 'todo',
      priority: 'medium',
      dueDate: null,
      tags: ['work', 'q3'],
      completedAt: null,
      version: 1,
    });
    expect(res.body.ownerId).toBeUndefined();
    expect(res.headers.etag).toBe('"1"');
    expect(res.headers.location).toBe(`/api/v1/tasks/${res.body.id}`);
    const got = await t.http.get(`/api/v1/tasks/${res.body.id}`).set(auth).expect(200);
    expect(got.body).toEqual(res.body);
  });

  it('validates like the domain: title length, enums, dates, tags', async () => {
    const res = await create({ title: '', priority: 'whenever', dueDate: 'tomorrow', tags: ['x'.repeat(33)], status: 'completed' });
    const fields = (expectProblem(res, 400).errors as { field: string }[]).map((e) => e.field);
    expect(fields).toEqual(expect.arrayContaining(['title', 'priority', 'dueDate', 'tags', 'status']));
    expectProblem(await create({ title: 'x'.repeat(201) }), 400);
    expectProblem(await create({ title: 'ok', tags: Array.from({ length: 21 }, (_, i) => `t${i}`) }), 400);
    expectProblem(await create({ title: { $ne: null } }), 400);
  });

  it('answers malformed JSON with 400, a wrong media type with 415 and a huge body with 413', async () => {
    const malformed = await t.http.post('/api/v1/tasks').set(auth).set('content-type', 'application/json').send('{"title": ');
    expectProblem(malformed, 400);
    const text = await t.http.post('/api/v1/tasks').set(auth).set('content-type', 'text/plain').send('title');
    expectProblem(text, 415);
    const huge = await create({ title: 'big', description: 'x'.repeat(110 * 1024) });
    expectProblem(huge, 413);
  });

  it('edits with If-Match, refuses a stale one with 412 and keeps the newer data', async () => {
    const created = await create({ title: 'Draft' }).expect(201);
    const id = created.body.id;
    const edited = await t.http
      .patch(`/api/v1/tasks/${id}`)
      .set(auth)
      .set('If-Match', '"1"')
      .send({ title: 'Final', priority: 'high', dueDate: '2030-01-01T10:00:00.000Z' })
      .expect(200);
    expect(edited.body).toMatchObject({ title: 'Final', priority: 'high', dueDate: '2030-01-01T10:00:00.000Z', version: 2 });
    expect(edited.headers.etag).toBe('"2"');
    const stale = await t.http.patch(`/api/v1/tasks/${id}`).set(auth).set('If-Match', '"1"').send({ title: 'Lost update' });
    expect(expectProblem(stale, 412).code).toBe('TASK.PRECONDITION_FAILED');
    expectProblem(await t.http.patch(`/api/v1/tasks/${id}`).set(auth).set('If-Match', 'garbage').send({ title: 'x' }), 412);
    expectProblem(await t.http.delete(`/api/v1/tasks/${id}`).set(auth).set('If-Match', '"1"'), 412);
    const cleared = await t.http.patch(`/api/v1/tasks/${id}`).set(auth).send({ dueDate: null }).expect(200);
    expect(cleared.body.dueDate).toBeNull();
    expect((await t.http.get(`/api/v1/tasks/${id}`).set(auth)).body.title).toBe('Final');
  });

  it('completes, refuses to complete twice, reopens and tracks completedAt', async () => {
    const { body } = await create({ title: 'Finish me' }).expect(201);
    const done = await t.http.put(`/api/v1/tasks/${body.id}/complete`).set(auth).expect(200);
    expect(done.body).toMatchObject({ status: 'completed', completedAt: expect.any(String), version: 2 });
    expect(expectProblem(await t.http.put(`/api/v1/tasks/${body.id}/complete`).set(auth), 409).code).toBe('TASK.INVALID_TRANSITION');
    const reopened = await t.http.patch(`/api/v1/tasks/${body.id}`).set(auth).send({ status: 'todo' }).expect(200);
    expect(reopened.body).toMatchObject({ status: 'todo', completedAt: null });
  });

  it('deletes with 204, then the task is gone', async () => {
    const { body } = await create({ title: 'Delete me' }).expect(201);
    await t.http.delete(`/api/v1/tasks/${body.id}`).set(auth).set('If-Match', '"1"').expect(204);
    expectProblem(await t.http.get(`/api/v1/tasks/${body.id}`).set(auth), 404);
    expectProblem(await t.http.delete(`/api/v1/tasks/${body.id}`).set(auth), 404);
  });

  it('hides every task of another user behind 404', async () => {
    const { body } = await create({ title: 'Mine' }).expect(201);
    const other = await signUp(t, 'Mallory');
    expectProblem(await t.http.get(`/api/v1/tasks/${body.id}`).set(other.auth), 404);
    expectProblem(await t.http.patch(`/api/v1/tasks/${body.id}`).set(other.auth).send({ title: 'pwned' }), 404);
    expectProblem(await t.http.put(`/api/v1/tasks/${body.id}/complete`).set(other.auth), 404);
    expectProblem(await t.http.delete(`/api/v1/tasks/${body.id}`).set(other.auth), 404);
    const list = await t.http.get('/api/v1/tasks').set(other.auth).expect(200);
    expect(list.body.items).toEqual([]);
    expect((await t.http.get(`/api/v1/tasks/${body.id}`).set(auth)).body.title).toBe('Mine');
  });

  describe('listing', () => {
    let user: { Authorization: string };
    const hour = 3_600_000;
    beforeAll(async () => {
      ({ auth: user } = await signUp(t, 'Lister'));
      const soon = new Date(Date.now() + 2 * hour).toISOString();
      const past = new Date(Date.now() - 5 * hour).toISOString();
      const later = new Date(Date.now() + 200 * hour).toISOString();
      const specs = [
        { title: 'Pay invoice', priority: 'urgent', dueDate: past, tags: ['finance'] },
        { title: 'Plan sprint', priority: 'high', dueDate: soon, tags: ['work'], description: 'Backlog grooming first' },
        { title: 'Buy milk', priority: 'low', tags: ['home'] },
        { title: 'Review PR', priority: 'medium', dueDate: later, tags: ['work'] },
        { title: 'Old overdue but done', priority: 'high', dueDate: past },
      ];
      for (const spec of specs) await create(spec, user).expect(201);
      const done = (await t.http.get('/api/v1/tasks').query({ q: 'but done' }).set(user)).body.items[0];
      await t.http.put(`/api/v1/tasks/${done.id}/complete`).set(user).expect(200);
    });

    const titles = async (query: Record<string, unknown>) =>
      ((await t.http.get('/api/v1/tasks').query(query).set(user).expect(200)).body.items as { title: string }[]).map((i) => i.title).sort();

    it('filters by status, priority (one or many), tag, due window, overdue and text', async () => {
      expect(await titles({ status: 'completed' })).toEqual(['Old overdue but done']);
      expect(await titles({ priority: 'urgent,low' })).toEqual(['Buy milk', 'Pay invoice']);
      expect(await titles({ priority: ['urgent', 'low'] })).toEqual(['Buy milk', 'Pay invoice']);
      expect(await titles({ tag: 'work' })).toEqual(['Plan sprint', 'Review PR']);
      expect(await titles({ overdue: 'true' })).toEqual(['Pay invoice']);
      expect(await titles({ dueAfter: new Date().toISOString(), dueBefore: new Date(Date.now() + 24 * hour).toISOString() })).toEqual([
        'Plan sprint',
      ]);
      expect(await titles({ q: 'GROOMING' })).toEqual(['Plan sprint']);
    });

    it('sorts by priority and due date in both orders', async () => {
      const list = async (query: Record<string, unknown>) =>
        ((await t.http.get('/api/v1/tasks').query(query).set(user)).body.items as { title: string }[]).map((i) => i.title);
      expect((await list({ sort: 'priority', order: 'desc' }))[0]).toBe('Pay invoice');
      expect((await list({ sort: 'priority', order: 'asc' }))[0]).toBe('Buy milk');
      const byDue = await list({ sort: 'dueDate', order: 'asc', status: 'todo' });
      expect(byDue).toEqual(['Pay invoice', 'Plan sprint', 'Review PR', 'Buy milk']);
    });

    it('pages with an opaque cursor until nextCursor is null', async () => {
      const seen: string[] = [];
      let cursor: string | undefined;
      for (let i = 0; i < 10; i++) {
        const res = await t.http
          .get('/api/v1/tasks')
          .query({ limit: 2, ...(cursor ? { cursor } : {}) })
          .set(user)
          .expect(200);
        seen.push(...res.body.items.map((item: { title: string }) => item.title));
        cursor = res.body.nextCursor ?? undefined;
        if (!cursor) break;
      }
      expect(seen).toHaveLength(5);
      expect(new Set(seen).size).toBe(5);
    });

    it('answers a garbage cursor, a cursor of another sort and bad parameters with 400', async () => {
      expectProblem(await t.http.get('/api/v1/tasks').query({ cursor: 'garbage!!' }).set(user), 400);
      const first = await t.http.get('/api/v1/tasks').query({ limit: 1 }).set(user).expect(200);
      expectProblem(await t.http.get('/api/v1/tasks').query({ limit: 1, sort: 'priority', cursor: first.body.nextCursor }).set(user), 400);
      expectProblem(await t.http.get('/api/v1/tasks').query({ limit: 101 }).set(user), 400);
      expectProblem(await t.http.get('/api/v1/tasks').query({ status: 'sleeping' }).set(user), 400);
      expectProblem(await t.http.get('/api/v1/tasks').query({ sort: 'title' }).set(user), 400);
      expectProblem(await t.http.get('/api/v1/tasks').query({ overdue: 'maybe' }).set(user), 400);
    });

    it('reports statistics that follow the user’s writes', async () => {
      const before = (await t.http.get('/api/v1/tasks/stats/overview').set(user).expect(200)).body;
      expect(before).toMatchObject({
        total: 5,
        byStatus: { todo: 4, in_progress: 0, completed: 1, cancelled: 0 },
        byPriority: { low: 1, medium: 1, high: 2, urgent: 1 },
        overdue: 1,
        dueSoon: 1,
        completionRate: 0.2,
      });
      expect(before.averageCompletionSeconds).toEqual(expect.any(Number));
      const milk = (await t.http.get('/api/v1/tasks').query({ q: 'milk' }).set(user)).body.items[0];
      await t.http.put(`/api/v1/tasks/${milk.id}/complete`).set(user).expect(200);
      const after = (await t.http.get('/api/v1/tasks/stats/overview').set(user).expect(200)).body;
      expect(after.byStatus.completed).toBe(2);
      expect(after.completionRate).toBeCloseTo(0.4);
      await t.http.patch(`/api/v1/tasks/${milk.id}`).set(user).send({ status: 'todo' }).expect(200);
    });
  });
});
