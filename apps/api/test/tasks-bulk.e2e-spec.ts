import { randomUUID } from 'node:crypto';
import { EventBus } from '@nestjs/cqrs';
import type { DomainEvent } from '@primetrade/domain';
import { expectProblem, signUp, startTestApp, type TestApp } from './support/test-app';

const BULK = '/api/v1/tasks/bulk';

interface Result {
  status: number;
  task?: { id: string; title: string; status: string; priority: string; tags: string[]; version: number };
  problem?: { status: number; code: string; detail: string; errors?: { field: string; message: string }[]; instance: string };
}

describe('bulk task operations (e2e)', () => {
  let t: TestApp;
  const events: DomainEvent[] = [];
  beforeAll(async () => {
    t = await startTestApp();
    t.app.get(EventBus).subscribe((event) => events.push(event as DomainEvent));
  });
  afterAll(async () => t?.close());

  const create = async (auth: { Authorization: string }, title: string, extra: Record<string, unknown> = {}) =>
    (
      await t.http
        .post('/api/v1/tasks')
        .set(auth)
        .send({ title, ...extra })
        .expect(201)
    ).body as { id: string; version: number };
  const list = async (auth: { Authorization: string }) =>
    ((await t.http.get('/api/v1/tasks?limit=100').set(auth).expect(200)).body.items as NonNullable<Result['task']>[]).sort((x, y) =>
      x.title.localeCompare(y.title),
    );
  /** The events the outbox relay handed to this process's subscribers for these tasks, once it has caught up. */
  const eventsOf = async (ids: string[]) => {
    await new Promise((resolve) => setTimeout(resolve, 400));
    return events.filter((e) => ids.includes(e.aggregateId)).map((e) => e.type);
  };

  it('runs a mixed batch in order: one result per operation, each the task or the single route’s problem', async () => {
    const { auth } = await signUp(t);
    const a = await create(auth, 'A');
    const b = await create(auth, 'B');
    const c = await create(auth, 'C');
    const res = await t.http
      .post(BULK)
      .set(auth)
      .send({
        operations: [
          { op: 'create', task: { title: 'New', priority: 'high', tags: ['bulk'] } },
          { op: 'update', id: a.id, changes: { priority: 'urgent' }, ifMatch: '"1"' },
          { op: 'complete', id: b.id, ifMatch: 1 },
          { op: 'create', task: { title: '' } },
          { op: 'reopen', id: b.id },
          { op: 'delete', id: c.id },
          { op: 'complete', id: randomUUID() },
          { op: 'archive', id: a.id },
        ],
      })
      .expect(200);
    const results = res.body.results as Result[];
    expect(results.map((r) => r.status)).toEqual([201, 200, 200, 400, 200, 204, 404, 400]);
    expect(res.body).toMatchObject({ atomic: false, succeeded: 5, failed: 3 });
    expect(results[0].task).toMatchObject({ title: 'New', priority: 'high', tags: ['bulk'], version: 1 });
    expect(results[1].task).toMatchObject({ id: a.id, priority: 'urgent', version: 2 });
    expect(results[2].task).toMatchObject({ id: b.id, status: 'completed' });
    expect(results[3].problem).toMatchObject({
      status: 400,
      code: 'VALIDATION',
      errors: [expect.objectContaining({ field: 'task.title' })],
    });
    expect(results[4].task).toMatchObject({ id: b.id, status: 'todo', version: 3 });
    expect(results[5]).toEqual({ status: 204 });
    expect(results[6].problem).toMatchObject({
      status: 404,
      code: 'TASK.NOT_FOUND',
      instance: BULK,
      type: 'urn:primetrade:problem:task.not_found',
    });
    expect(results[7].problem?.errors?.[0]).toMatchObject({ field: 'op' });
    expect((await list(auth)).map((x) => x?.title)).toEqual(['A', 'B', 'New']);
    expect(await eventsOf([a.id, b.id, c.id])).toEqual(
      expect.arrayContaining(['tasks.task-updated', 'tasks.task-completed', 'tasks.task-deleted']),
    );
  });

  it('answers a stale or malformed ifMatch per operation with 412, as the If-Match header would be', async () => {
    const { auth } = await signUp(t);
    const a = await create(auth, 'A');
    const res = await t.http
      .post(BULK)
      .set(auth)
      .send({
        operations: [
          { op: 'complete', id: a.id, ifMatch: '"7"' },
          { op: 'update', id: a.id, changes: { title: 'x' }, ifMatch: 'not an etag' },
          { op: 'delete', id: a.id, ifMatch: 'W/"1"' },
        ],
      })
      .expect(200);
    const results = res.body.results as Result[];
    expect(results.map((r) => [r.status, r.problem?.code])).toEqual([
      [412, 'TASK.PRECONDITION_FAILED'],
      [412, 'TASK.PRECONDITION_FAILED'],
      [204, undefined],
    ]);
  });

  it('treats another user’s task as missing: 404 for that item, and their task untouched', async () => {
    const ada = await signUp(t, 'Ada');
    const bob = await signUp(t, 'Bob');
    const hers = await create(ada.auth, 'Hers');
    const res = await t.http
      .post(BULK)
      .set(bob.auth)
      .send({
        operations: [
          { op: 'update', id: hers.id, changes: { title: 'Mine' } },
          { op: 'delete', id: hers.id },
          { op: 'create', task: { title: 'Bob’s' } },
        ],
      })
      .expect(200);
    expect((res.body.results as Result[]).map((r) => r.status)).toEqual([404, 404, 201]);
    const atomic = await t.http
      .post(BULK)
      .set(bob.auth)
      .send({ atomic: true, operations: [{ op: 'complete', id: hers.id }] });
    expect(expectProblem(atomic, 404)).toMatchObject({
      code: 'TASK.NOT_FOUND',
      errors: [{ field: 'operations[0]', message: 'Task not found.' }],
    });
    expect((await list(ada.auth)).map((x) => [x?.title, x?.status, x?.version])).toEqual([['Hers', 'todo', 1]]);
  });

  it('atomic: writes everything in one go, or, when one operation fails, nothing and no event', async () => {
    const { auth } = await signUp(t);
    const a = await create(auth, 'A');
    const b = await create(auth, 'B');
    await new Promise((resolve) => setTimeout(resolve, 300));
    const before = events.length;

    const refused = await t.http
      .post(BULK)
      .set(auth)
      .send({
        atomic: true,
        operations: [
          { op: 'create', task: { title: 'Would be new' } },
          { op: 'complete', id: a.id },
          { op: 'delete', id: b.id },
          { op: 'update', id: a.id, changes: { title: 'Stale' }, ifMatch: 1 },
        ],
      });
    const problem = expectProblem(refused, 412);
    expect(problem).toMatchObject({ code: 'TASK.PRECONDITION_FAILED', errors: [{ field: 'operations[3]' }] });
    expect(problem.detail).toMatch(/^Operation 3 failed, so nothing was written/);
    expect((await list(auth)).map((x) => [x?.title, x?.status, x?.version])).toEqual([
      ['A', 'todo', 1],
      ['B', 'todo', 1],
    ]);
    await new Promise((resolve) => setTimeout(resolve, 400));
    expect(events.slice(before)).toEqual([]);

    const done = await t.http
      .post(BULK)
      .set(auth)
      .send({
        atomic: true,
        operations: [
          { op: 'create', task: { title: 'C' } },
          { op: 'complete', id: a.id, ifMatch: '"1"' },
          { op: 'update', id: a.id, changes: { tags: ['done'] }, ifMatch: 2 },
          { op: 'delete', id: b.id },
        ],
      })
      .expect(200);
    expect(done.body).toMatchObject({ atomic: true, succeeded: 4, failed: 0 });
    expect((await list(auth)).map((x) => [x?.title, x?.status, x?.version, x?.tags])).toEqual([
      ['A', 'completed', 3, ['done']],
      ['C', 'todo', 1, []],
    ]);
    const created = (done.body.results as Result[])[0].task!.id;
    await eventsOf([]);
    expect(events.slice(before).map((e) => [e.type, e.aggregateId])).toEqual([
      ['tasks.task-created', created],
      ['tasks.task-completed', a.id],
      ['tasks.task-updated', a.id],
      ['tasks.task-updated', a.id],
      ['tasks.task-deleted', b.id],
    ]);
    expect(events.slice(before).map((e) => e.type)).toEqual([
      'tasks.task-created',
      'tasks.task-completed',
      'tasks.task-updated',
      'tasks.task-updated',
      'tasks.task-deleted',
    ]);
  });

  it('atomic: one invalid operation refuses the batch with 400 and field paths under operations[i]', async () => {
    const { auth } = await signUp(t);
    const res = await t.http
      .post(BULK)
      .set(auth)
      .send({
        atomic: true,
        operations: [
          { op: 'create', task: { title: 'Fine' } },
          { op: 'create', task: { title: 'x'.repeat(201) } },
        ],
      });
    expect(expectProblem(res, 400)).toMatchObject({
      code: 'VALIDATION',
      errors: [expect.objectContaining({ field: 'operations[1].task.title' })],
    });
    expect(await list(auth)).toEqual([]);
  });

  it('refuses more than 100 operations, an empty list and a body that is not a batch, with 400', async () => {
    const { auth } = await signUp(t);
    const many = Array.from({ length: 101 }, (_, i) => ({ op: 'create', task: { title: `t${i}` } }));
    expect(expectProblem(await t.http.post(BULK).set(auth).send({ operations: many }), 400).errors).toEqual([
      expect.objectContaining({ field: 'operations' }),
    ]);
    expectProblem(await t.http.post(BULK).set(auth).send({ operations: [] }), 400);
    expectProblem(
      await t.http
        .post(BULK)
        .set(auth)
        .send({ operations: ['create'] }),
      400,
    );
    expectProblem(
      await t.http
        .post(BULK)
        .set(auth)
        .send({ operations: [{ op: 'create', task: { title: 'x' } }], extra: 1 }),
      400,
    );
    const hundred = many.slice(0, 100);
    const ok = await t.http.post(BULK).set(auth).send({ operations: hundred }).expect(200);
    expect(ok.body.succeeded).toBe(100);
  });

  it('keeps the statistics equal to the tasks after bulk changes', async () => {
    const { auth } = await signUp(t);
    const a = await create(auth, 'A', { priority: 'low' });
    await t.http
      .post(BULK)
      .set(auth)
      .send({
        atomic: true,
        operations: [
          { op: 'create', task: { title: 'B', priority: 'high' } },
          { op: 'create', task: { title: 'C', priority: 'high' } },
          { op: 'complete', id: a.id },
        ],
      })
      .expect(200);
    await t.http
      .post(BULK)
      .set(auth)
      .send({
        atomic: true,
        operations: [
          { op: 'create', task: { title: 'D' } },
          { op: 'complete', id: a.id },
        ],
      })
      .expect(409);
    const stats = (await t.http.get('/api/v1/tasks/stats/overview').set(auth).expect(200)).body;
    expect(stats).toMatchObject({ total: 3, byStatus: { todo: 2, completed: 1 }, byPriority: { low: 1, high: 2, medium: 0 } });
  });

  it('replays a retried batch with the same Idempotency-Key and creates nothing twice', async () => {
    const { auth } = await signUp(t);
    const key = randomUUID();
    const body = {
      operations: [
        { op: 'create', task: { title: 'Once' } },
        { op: 'create', task: { title: 'Twice?' } },
      ],
    };
    const first = await t.http.post(BULK).set(auth).set('Idempotency-Key', key).send(body).expect(200);
    const retry = await t.http.post(BULK).set(auth).set('Idempotency-Key', key).send(body).expect(200);
    expect(retry.headers['idempotent-replayed']).toBe('true');
    expect(retry.body).toEqual(first.body);
    expect((await list(auth)).map((x) => x?.title)).toEqual(['Once', 'Twice?']);
    const other = await t.http
      .post(BULK)
      .set(auth)
      .set('Idempotency-Key', key)
      .send({ operations: [{ op: 'create', task: { title: 'Else' } }] });
    expect(expectProblem(other, 422).code).toBe('IDEMPOTENCY.KEY_REUSED');
  });
});

describe('bulk task operations and the task-creation rate limit (e2e)', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp({ THROTTLE_TASK_CREATE_LIMIT: '4' });
  });
  afterAll(async () => t?.close());

  it('counts every created task against the per-user creation limit, as single creates do', async () => {
    const { auth } = await signUp(t);
    await t.http.post('/api/v1/tasks').set(auth).send({ title: 'single' }).expect(201);
    const creates = (n: number) => Array.from({ length: n }, (_, i) => ({ op: 'create', task: { title: `bulk ${i}` } }));
    const first = await t.http
      .post(BULK)
      .set(auth)
      .send({ operations: creates(2) })
      .expect(200);
    expect((first.body.results as Result[]).map((r) => r.status)).toEqual([201, 201]);
    // One left: the third create of this batch is the fifth of the window.
    const second = await t.http
      .post(BULK)
      .set(auth)
      .send({
        operations: [...creates(2), { op: 'update', id: (first.body.results as Result[])[0].task!.id, changes: { priority: 'high' } }],
      })
      .expect(200);
    expect((second.body.results as Result[]).map((r) => [r.status, r.problem?.code])).toEqual([
      [201, undefined],
      [429, 'RATE_LIMITED'],
      [200, undefined],
    ]);
    expectProblem(await t.http.post('/api/v1/tasks').set(auth).send({ title: 'one too many' }), 429);
    const atomic = await t.http
      .post(BULK)
      .set(auth)
      .send({ atomic: true, operations: creates(1) });
    expect(expectProblem(atomic, 429).code).toBe('RATE_LIMITED');
    expect(Number(atomic.headers['retry-after'])).toBeGreaterThan(0);
    const titles = ((await t.http.get('/api/v1/tasks?limit=100').set(auth).expect(200)).body.items as { title: string }[]).length;
    expect(titles).toBe(4);
    // Another user has a budget of their own.
    const other = await signUp(t);
    await t.http
      .post(BULK)
      .set(other.auth)
      .send({ operations: creates(4) })
      .expect(200);
  });
});
