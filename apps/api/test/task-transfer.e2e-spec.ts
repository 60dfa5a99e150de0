import { parse } from 'csv-parse/sync';
import { expectProblem, signUp, startTestApp, type TestApp } from './support/test-app';

type Auth = { Authorization: string };
/** What a round trip must keep: everything but ids and timestamps the server sets. */
const comparable = (row: Record<string, unknown>) => ({
  title: row['title'],
  description: row['description'],
  status: row['status'],
  priority: row['priority'],
  dueDate: row['dueDate'] || null,
  tags: Array.isArray(row['tags']) ? (row['tags'] as string[]).join(';') : row['tags'],
});

describe('task export and import (e2e)', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(async () => t?.close());

  const exportCsv = async (auth: Auth, query = '') => {
    const res = await t.http.get(`/api/v1/tasks/export?format=csv${query}`).set(auth).buffer(true).expect(200);
    expect(res.headers['content-type']).toMatch(/^text\/csv/);
    expect(res.headers['content-disposition']).toBe('attachment; filename="tasks.csv"');
    return res.text;
  };
  const importFile = (auth: Auth, content: string | Buffer, name: string, query = '') =>
    t.http.post(`/api/v1/tasks/import${query}`).set(auth).attach('file', Buffer.from(content), name);

  it('round-trips 10,000 tasks through CSV into another account, the same tasks', async () => {
    const ada = await signUp(t, 'Ada');
    const statuses = ['todo', 'in_progress', 'completed', 'cancelled'];
    const lines = ['title,description,status,priority,dueDate,tags'];
    for (let i = 0; i < 10_000; i++) {
      const title = i % 97 === 0 ? `=HYPERLINK("x","${i}")` : `Task ${i}, "quoted"`;
      const due = i % 3 === 0 ? '' : new Date(Date.UTC(2030, 0, 1) + i * 60_000).toISOString();
      lines.push(
        `"${title.replace(/"/g, '""')}","line one\nline two ${i}",${statuses[i % 4]},${['low', 'medium', 'high', 'urgent'][i % 4]},${due},${i % 5 === 0 ? 'home;work' : ''}`,
      );
    }
    const first = await importFile(ada.auth, lines.join('\r\n'), 'tasks.csv').expect(200);
    expect(first.body).toEqual({ dryRun: false, imported: 10_000, failed: [] });

    const exported = await exportCsv(ada.auth);
    const rows = parse(exported, { columns: true, bom: true }) as Record<string, string>[];
    expect(rows).toHaveLength(10_000);
    // A formula is neutralised in the file…
    expect(rows.find((r) => r['title'].includes('HYPERLINK'))?.['title']).toMatch(/^'=HYPERLINK/);

    const bob = await signUp(t, 'Bob');
    const second = await importFile(bob.auth, exported, 'tasks.csv').expect(200);
    expect(second.body).toEqual({ dryRun: false, imported: 10_000, failed: [] });
    const again = parse(await exportCsv(bob.auth), { columns: true, bom: true }) as Record<string, string>[];
    // …and restored on import: Bob has exactly Ada's tasks.
    expect(again.map(comparable)).toEqual(rows.map(comparable));
    expect(again.find((r) => r['title'].includes('HYPERLINK'))?.['title']).toMatch(/^'=HYPERLINK/);
  }, 240_000);

  it('round-trips JSON, filtered like the list', async () => {
    const ada = await signUp(t);
    await t.http
      .post('/api/v1/tasks')
      .set(ada.auth)
      .send({ title: 'Keep', priority: 'high', tags: ['a', 'b'], dueDate: '2031-05-01T08:00:00Z' })
      .expect(201);
    await t.http.post('/api/v1/tasks').set(ada.auth).send({ title: 'Skip', priority: 'low' }).expect(201);
    const res = await t.http.get('/api/v1/tasks/export?format=json&priority=high').set(ada.auth).buffer(true).expect(200);
    expect(res.headers['content-type']).toMatch(/^application\/json/);
    const tasks = JSON.parse(res.text) as Record<string, unknown>[];
    expect(tasks.map(comparable)).toEqual([
      { title: 'Keep', description: '', status: 'todo', priority: 'high', dueDate: '2031-05-01T08:00:00.000Z', tags: 'a;b' },
    ]);
    const bob = await signUp(t);
    expect((await importFile(bob.auth, res.text, 'tasks.json').expect(200)).body).toMatchObject({ imported: 1, failed: [] });
    expect(
      (JSON.parse((await t.http.get('/api/v1/tasks/export?format=json').set(bob.auth).buffer(true)).text) as Record<string, unknown>[]).map(
        comparable,
      ),
    ).toEqual(tasks.map(comparable));
  });

  it('carries the repeat of an open task through export and import; a completed occurrence comes back as history', async () => {
    const ada = await signUp(t);
    const recurrence = { rule: 'FREQ=WEEKLY;BYDAY=MO', timeZone: 'Europe/Berlin' };
    const weekly = (
      await t.http
        .post('/api/v1/tasks')
        .set(ada.auth)
        .send({ title: 'Weekly review', dueDate: '2031-05-05T07:00:00Z', recurrence })
        .expect(201)
    ).body as { id: string };
    await t.http.put(`/api/v1/tasks/${weekly.id}/complete`).set(ada.auth).expect(200); // the next Monday is made
    const csv = await exportCsv(ada.auth);
    const rows = parse(csv, { columns: true, bom: true }) as Record<string, string>[];
    expect(rows.map((r) => [r['status'], r['recurrenceRule'], r['recurrenceTimeZone']])).toEqual([
      ['completed', recurrence.rule, recurrence.timeZone],
      ['todo', recurrence.rule, recurrence.timeZone],
    ]);
    const bob = await signUp(t);
    expect((await importFile(bob.auth, csv, 'tasks.csv').expect(200)).body).toMatchObject({ imported: 2, failed: [] });
    const imported = (await t.http.get('/api/v1/tasks?sort=dueDate&order=asc').set(bob.auth).expect(200)).body.items as {
      status: string;
      recurrence: { rule: string; timeZone: string } | null;
    }[];
    expect(imported.map((task) => [task.status, task.recurrence?.rule ?? null])).toEqual([
      ['completed', null],
      ['todo', recurrence.rule],
    ]);
  });

  it('reports bad rows with row, field and problem, imports the rest; a dry run imports nothing', async () => {
    const { auth } = await signUp(t);
    const csv = [
      'title,status,priority,dueDate',
      'Good one,todo,high,2030-01-01T00:00:00Z',
      ',todo,low,',
      'Bad date,todo,low,next tuesday',
      'Bad status,sleeping,low,',
    ].join('\n');
    const dry = await importFile(auth, csv, 'x.csv', '?dryRun=true').expect(200);
    expect(dry.body).toEqual({
      dryRun: true,
      imported: 1,
      failed: [
        { row: 3, field: 'title', problem: expect.any(String) },
        { row: 4, field: 'dueDate', problem: 'must be an ISO 8601 date-time' },
        { row: 5, field: 'status', problem: expect.stringContaining('must be one of') },
      ],
    });
    expect(parse(await exportCsv(auth), { columns: true })).toEqual([]);
    const real = await importFile(auth, csv, 'x.csv').expect(200);
    expect(real.body).toMatchObject({ dryRun: false, imported: 1 });
    expect((parse(await exportCsv(auth), { columns: true }) as Record<string, string>[]).map((r) => r['title'])).toEqual(['Good one']);
  });

  it('refuses files it cannot read with a 400 problem, and a body that is not multipart with a 415', async () => {
    const { auth } = await signUp(t);
    expect(expectProblem(await importFile(auth, '{not json', 'x.json'), 400).code).toBe('IMPORT.UNREADABLE_FILE');
    expect(expectProblem(await importFile(auth, '{"title":"x"}', 'x.json'), 400).code).toBe('IMPORT.UNREADABLE_FILE');
    expect(expectProblem(await importFile(auth, 'title\n"unterminated', 'x.csv'), 400).code).toBe('IMPORT.UNREADABLE_FILE');
    expectProblem(await t.http.post('/api/v1/tasks/import').set(auth).send({ title: 'x' }), 415);
    expectProblem(await t.http.get('/api/v1/tasks/export?format=xml').set(auth), 400);
  });

  it("exports only the caller's tasks and needs a bearer token", async () => {
    const ada = await signUp(t);
    const bob = await signUp(t);
    await t.http.post('/api/v1/tasks').set(bob.auth).send({ title: "Bob's" }).expect(201);
    expect(parse(await exportCsv(ada.auth), { columns: true })).toEqual([]);
    expectProblem(await t.http.get('/api/v1/tasks/export'), 401);
  });
});
