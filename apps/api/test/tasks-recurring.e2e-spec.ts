import { EventBus } from '@nestjs/cqrs';
import type { DomainEvent } from '@primetrade/domain';
import { expectProblem, signUp, startTestApp, type TestApp } from './support/test-app';

const TASKS = '/api/v1/tasks';

interface TaskBody {
  id: string;
  title: string;
  status: string;
  dueDate: string | null;
  version: number;
  recurrence: { rule: string; timeZone: string; seriesId: string } | null;
  nextOccurrence?: TaskBody | null;
}

/** The wall-clock time of an instant in a zone, e.g. "09:00". */
const localTime = (iso: string, timeZone: string) =>
  new Intl.DateTimeFormat('en-GB', { timeZone, hour: '2-digit', minute: '2-digit' }).format(new Date(iso));

describe('recurring tasks (e2e)', () => {
  let t: TestApp;
  let auth: { Authorization: string };
  const events: DomainEvent[] = [];
  beforeAll(async () => {
    t = await startTestApp();
    t.app.get(EventBus).subscribe((event) => events.push(event as DomainEvent));
  });
  afterAll(async () => t?.close());
  beforeEach(async () => {
    ({ auth } = await signUp(t));
  });

  const create = async (body: Record<string, unknown>) => (await t.http.post(TASKS).set(auth).send(body).expect(201)).body as TaskBody;
  const complete = (id: string, ifMatch?: string) => {
    const req = t.http.put(`${TASKS}/${id}/complete`).set(auth);
    return ifMatch ? req.set('If-Match', ifMatch) : req;
  };
  const list = async () =>
    ((await t.http.get(`${TASKS}?limit=100&sort=dueDate&order=asc`).set(auth).expect(200)).body.items as TaskBody[]).map((x) => ({
      status: x.status,
      dueDate: x.dueDate,
    }));

  it('creates a recurring task and, on completion, the next occurrence at the same local time across DST', async () => {
    // Saturday 7 March 2026, 09:00 in New York (EST); the clocks spring forward on Sunday 8 March.
    const first = await create({
      title: 'Water the plants',
      description: 'Balcony',
      priority: 'high',
      tags: ['home'],
      dueDate: '2026-03-07T14:00:00.000Z',
      recurrence: { rule: 'rrule:freq=daily', timeZone: 'America/New_York' },
    });
    expect(first.recurrence).toEqual({ rule: 'FREQ=DAILY', timeZone: 'America/New_York', seriesId: first.id });

    const res = await complete(first.id).expect(200);
    const done = res.body as TaskBody;
    expect(done).toMatchObject({ id: first.id, status: 'completed', version: 2 });
    expect(res.headers.etag).toBe('"2"');
    const next = done.nextOccurrence!;
    expect(next).toMatchObject({
      title: 'Water the plants',
      description: 'Balcony',
      priority: 'high',
      tags: ['home'],
      status: 'todo',
      dueDate: '2026-03-08T13:00:00.000Z',
      recurrence: { rule: 'FREQ=DAILY', timeZone: 'America/New_York', seriesId: first.id },
    });
    expect(localTime(next.dueDate!, 'America/New_York')).toBe('09:00');
    expect((await t.http.get(`${TASKS}/${next.id}`).set(auth).expect(200)).body).toMatchObject({ id: next.id, version: 1 });

    // The outbox delivers TaskCompleted for the old occurrence and TaskCreated for the new one.
    await new Promise((resolve) => setTimeout(resolve, 400));
    expect(events.filter((e) => e.aggregateId === first.id).map((e) => e.type)).toContain('tasks.task-completed');
    expect(events.filter((e) => e.aggregateId === next.id).map((e) => e.type)).toEqual(['tasks.task-created']);
  });

  it('keeps 09:00 local when Berlin falls back, weekly on chosen days', async () => {
    // Friday 23 October 2026, 09:00 in Berlin (CEST); the clocks fall back on Sunday 25 October.
    const first = await create({
      title: 'Team sync',
      dueDate: '2026-10-23T07:00:00.000Z',
      recurrence: { rule: 'FREQ=WEEKLY;BYDAY=MO,FR', timeZone: 'Europe/Berlin' },
    });
    const next = (await complete(first.id).expect(200)).body.nextOccurrence as TaskBody;
    expect(next.dueDate).toBe('2026-10-26T08:00:00.000Z'); // Monday, 09:00 CET
    expect(localTime(next.dueDate!, 'Europe/Berlin')).toBe('09:00');
  });

  it('a retried completion and a concurrent one create a single next occurrence', async () => {
    const first = await create({
      title: 'Stand-up',
      dueDate: '2026-06-01T07:00:00.000Z',
      recurrence: { rule: 'FREQ=DAILY', timeZone: 'Europe/Berlin' },
    });
    const [a, b] = await Promise.all([complete(first.id, '"1"'), complete(first.id, '"1"')]);
    expect([a.status, b.status].sort()).toEqual([200, 412]);
    // The client retries (the answer got lost): the occurrence is done already.
    expectProblem(await complete(first.id, '"1"'), 412);
    expectProblem(await complete(first.id), 409);
    expect(await list()).toEqual(
      [
        { status: 'todo', dueDate: '2026-06-02T07:00:00.000Z' },
        { status: 'completed', dueDate: '2026-06-01T07:00:00.000Z' },
      ].sort((x, y) => x.dueDate.localeCompare(y.dueDate)),
    );
    const stats = (await t.http.get(`${TASKS}/stats/overview`).set(auth).expect(200)).body;
    expect(stats).toMatchObject({ total: 2, byStatus: { todo: 1, completed: 1 } });
  });

  it('completing a reopened occurrence again (Undo, then check) creates no second next one', async () => {
    const first = await create({
      title: 'Undo me',
      dueDate: '2026-06-01T07:00:00.000Z',
      recurrence: { rule: 'FREQ=DAILY', timeZone: 'UTC' },
    });
    expect((await complete(first.id).expect(200)).body.nextOccurrence).not.toBeNull();
    await t.http.patch(`${TASKS}/${first.id}`).set(auth).send({ status: 'todo' }).expect(200);
    const again = await complete(first.id, '"3"').expect(200);
    expect(again.body).toMatchObject({ status: 'completed', version: 4, nextOccurrence: null });
    expect(await list()).toEqual([
      { status: 'completed', dueDate: '2026-06-01T07:00:00.000Z' },
      { status: 'todo', dueDate: '2026-06-02T07:00:00.000Z' },
    ]);
  });

  it('COUNT ends the series', async () => {
    const first = await create({
      title: 'Twice',
      dueDate: '2026-06-01T07:00:00.000Z',
      recurrence: { rule: 'FREQ=DAILY;COUNT=2', timeZone: 'UTC' },
    });
    const second = (await complete(first.id).expect(200)).body.nextOccurrence as TaskBody;
    expect(second.recurrence?.rule).toBe('FREQ=DAILY;COUNT=1');
    expect((await complete(second.id).expect(200)).body.nextOccurrence).toBeNull();
  });

  it('deletes one occurrence (the next takes its place) or the whole series', async () => {
    const first = await create({
      title: 'Gym',
      dueDate: '2026-06-01T16:00:00.000Z',
      recurrence: { rule: 'FREQ=WEEKLY', timeZone: 'Europe/Berlin' },
    });
    await t.http.delete(`${TASKS}/${first.id}`).set(auth).expect(204);
    expect(await list()).toEqual([{ status: 'todo', dueDate: '2026-06-08T16:00:00.000Z' }]);
    const [second] = (await t.http.get(TASKS).set(auth).expect(200)).body.items as TaskBody[];
    await t.http.delete(`${TASKS}/${second.id}?series=true`).set(auth).expect(204);
    expect(await list()).toEqual([]);
    expectProblem(await t.http.delete(`${TASKS}/${second.id}?series=maybe`).set(auth), 400);
  });

  it('updates start, change and stop the repeating', async () => {
    const task = await create({ title: 'Report', dueDate: '2026-06-30T08:00:00.000Z' });
    expect(task.recurrence).toBeNull();
    const monthly = await t.http
      .patch(`${TASKS}/${task.id}`)
      .set(auth)
      .send({ recurrence: { rule: 'FREQ=MONTHLY;BYMONTHDAY=-1', timeZone: 'Europe/Berlin' } })
      .expect(200);
    expect(monthly.body.recurrence).toEqual({ rule: 'FREQ=MONTHLY;BYMONTHDAY=-1', timeZone: 'Europe/Berlin', seriesId: task.id });
    expect((await complete(task.id).expect(200)).body.nextOccurrence.dueDate).toBe('2026-07-31T08:00:00.000Z');
    const res = await t.http.patch(`${TASKS}/${task.id}`).set(auth).send({ status: 'todo', recurrence: null }).expect(200);
    expect(res.body.recurrence).toBeNull();
  });

  it.each([
    [{ rule: 'FREQ=MINUTELY', timeZone: 'UTC' }, 'recurrence.rule', 'FREQ=MINUTELY: more often than hourly'],
    [{ rule: 'FREQ=HOURLY;BYMINUTE=0,15', timeZone: 'UTC' }, 'recurrence.rule', 'BYMINUTE=0,15: more often than hourly'],
    [{ rule: 'FREQ=DAYLY', timeZone: 'UTC' }, 'recurrence.rule', 'FREQ=DAYLY: unknown frequency'],
    [{ rule: 'every day', timeZone: 'UTC' }, 'recurrence.rule', 'EVERY DAY: not a NAME=VALUE part'],
    [{ rule: 'FREQ=DAILY', timeZone: 'Mars/Olympus' }, 'recurrence.timeZone', 'Mars/Olympus: not an IANA time zone (e.g. Europe/Berlin)'],
    [{ rule: 'FREQ=DAILY' }, 'recurrence.timeZone', expect.any(String)],
  ])('refuses %j with a 400 naming %s', async (recurrence, field, message) => {
    const res = await t.http.post(TASKS).set(auth).send({ title: 'Bad', dueDate: '2026-06-01T07:00:00.000Z', recurrence });
    expect(expectProblem(res, 400).errors).toEqual(expect.arrayContaining([{ field, message }]));
  });

  it('refuses a recurring task without a due date', async () => {
    const res = await t.http
      .post(TASKS)
      .set(auth)
      .send({ title: 'Whenever', recurrence: { rule: 'FREQ=DAILY', timeZone: 'UTC' } });
    expect(expectProblem(res, 400).errors).toEqual([{ field: 'dueDate', message: 'a recurring task needs a due date' }]);
  });

  it('another user’s recurring task is not found', async () => {
    const first = await create({ title: 'Mine', dueDate: '2026-06-01T07:00:00.000Z', recurrence: { rule: 'FREQ=DAILY', timeZone: 'UTC' } });
    const other = (await signUp(t)).auth;
    expectProblem(await t.http.put(`${TASKS}/${first.id}/complete`).set(other), 404);
    expectProblem(await t.http.delete(`${TASKS}/${first.id}?series=true`).set(other), 404);
    expect(await list()).toEqual([{ status: 'todo', dueDate: '2026-06-01T07:00:00.000Z' }]);
  });
});
