import { expectProblem, signUp, startTestApp, type TestApp } from './support/test-app';

describe('task timeline (e2e)', () => {
  let t: TestApp;
  let auth: { Authorization: string };
  beforeAll(async () => {
    t = await startTestApp();
    ({ auth } = await signUp(t));
  });
  afterAll(() => t.close());

  const timeline = (query: Record<string, string | number> = {}, headers = auth) =>
    t.http.get('/api/v1/tasks/stats/timeline').query(query).set(headers);

  /** Today's date in a zone, as the API spells days. */
  const today = (timeZone: string) => new Intl.DateTimeFormat('en-CA', { timeZone }).format(new Date());

  it('counts today’s creations and completions in the requested zone, with the streak', async () => {
    const created = await t.http.post('/api/v1/tasks').set(auth).send({ title: 'Water the plants' }).expect(201);
    await t.http.post('/api/v1/tasks').set(auth).send({ title: 'Call the bank' }).expect(201);
    await t.http.put(`/api/v1/tasks/${created.body.id}/complete`).set(auth).expect(200);

    const res = await timeline({ days: 7, tz: 'Europe/Paris' }).expect(200);
    expect(res.body.timeZone).toBe('Europe/Paris');
    expect(res.body.days).toHaveLength(7);
    expect(res.body.days.at(-1)).toEqual({ date: today('Europe/Paris'), created: 2, completed: 1 });
    expect(res.body.days.slice(0, 6).every((d: { created: number }) => d.created === 0)).toBe(true);
    expect(res.body.currentStreak).toBe(1);
    expect(Object.keys(res.body).sort()).toEqual(['currentStreak', 'days', 'timeZone']);
  });

  it('defaults to 30 days in UTC', async () => {
    const res = await timeline().expect(200);
    expect(res.body.timeZone).toBe('UTC');
    expect(res.body.days).toHaveLength(30);
    expect(res.body.days.at(-1).date).toBe(today('UTC'));
  });

  it('refuses an unknown zone and a day count outside 1..365 with 400 and the field', async () => {
    const queries: Record<string, string | number>[] = [{ tz: 'Mars/Olympus' }, { days: 0 }, { days: 366 }, { days: 'many' }];
    for (const query of queries) {
      const problem = expectProblem(await timeline(query), 400);
      expect([...new Set((problem.errors as { field: string }[]).map((e) => e.field))]).toEqual([Object.keys(query)[0]]);
    }
  });

  it('counts only the caller’s tasks and needs a token', async () => {
    const other = await signUp(t);
    const res = await timeline({ days: 1 }, other.auth).expect(200);
    expect(res.body.days).toEqual([{ date: today('UTC'), created: 0, completed: 0 }]);
    expectProblem(await t.http.get('/api/v1/tasks/stats/timeline'), 401);
  });
});
