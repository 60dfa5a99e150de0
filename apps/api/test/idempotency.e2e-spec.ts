import { randomUUID } from 'node:crypto';
import { expectProblem, signUp, startTestApp, type TestApp } from './support/test-app';

describe('Idempotency-Key on creating POSTs (e2e)', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(async () => t?.close());

  const listTitles = async (auth: { Authorization: string }) =>
    ((await t.http.get('/api/v1/tasks?limit=100').set(auth).expect(200)).body.items as { title: string }[]).map((x) => x.title);

  it('runs the first POST once; the retry gets the same response, marked, and creates nothing', async () => {
    const { auth } = await signUp(t);
    const key = randomUUID();
    const body = { title: 'Pay rent', priority: 'high' };
    const first = await t.http.post('/api/v1/tasks').set(auth).set('Idempotency-Key', key).send(body).expect(201);
    expect(first.headers['idempotent-replayed']).toBeUndefined();
    const retry = await t.http.post('/api/v1/tasks').set(auth).set('Idempotency-Key', key).send(body).expect(201);
    expect(retry.headers['idempotent-replayed']).toBe('true');
    expect(retry.body).toEqual(first.body);
    expect(retry.headers['location']).toBe(first.headers['location']);
    expect(retry.headers['etag']).toBe(first.headers['etag']);
    expect(await listTitles(auth)).toEqual(['Pay rent']);
  });

  it('answers 422 when the key comes back with a different request, and creates nothing', async () => {
    const { auth } = await signUp(t);
    const key = randomUUID();
    await t.http.post('/api/v1/tasks').set(auth).set('Idempotency-Key', key).send({ title: 'First' }).expect(201);
    const reused = await t.http.post('/api/v1/tasks').set(auth).set('Idempotency-Key', key).send({ title: 'Second' });
    expect(expectProblem(reused, 422).code).toBe('IDEMPOTENCY.KEY_REUSED');
    expect(await listTitles(auth)).toEqual(['First']);
  });

  it('creates once when the same request races with itself: one runs, the others replay or are told it is running', async () => {
    const { auth } = await signUp(t);
    const key = randomUUID();
    const answers = await Promise.all(
      Array.from({ length: 6 }, () => t.http.post('/api/v1/tasks').set(auth).set('Idempotency-Key', key).send({ title: 'Once' })),
    );
    const created = answers.filter((a) => a.status === 201);
    expect(created.filter((a) => a.headers['idempotent-replayed'] !== 'true')).toHaveLength(1);
    for (const a of answers.filter((x) => x.status !== 201)) expect(expectProblem(a, 409).code).toBe('IDEMPOTENCY.IN_PROGRESS');
    expect(new Set(created.map((a) => a.body.id)).size).toBe(1);
    expect(await listTitles(auth)).toEqual(['Once']);
  });

  it('keeps nothing for a failed first request, so its corrected retry runs', async () => {
    const { auth } = await signUp(t);
    const key = randomUUID();
    expectProblem(await t.http.post('/api/v1/tasks').set(auth).set('Idempotency-Key', key).send({ title: '' }), 400);
    expectProblem(await t.http.post('/api/v1/tasks').set(auth).set('Idempotency-Key', key).send({ title: '' }), 400);
    await t.http.post('/api/v1/tasks').set(auth).set('Idempotency-Key', randomUUID()).send({ title: 'Fixed' }).expect(201);
    expect(await listTitles(auth)).toEqual(['Fixed']);
  });

  it('keeps keys per user: another user with the same key gets their own task', async () => {
    const ada = await signUp(t, 'Ada');
    const bob = await signUp(t, 'Bob');
    const key = randomUUID();
    const a = await t.http.post('/api/v1/tasks').set(ada.auth).set('Idempotency-Key', key).send({ title: 'Mine' }).expect(201);
    const b = await t.http.post('/api/v1/tasks').set(bob.auth).set('Idempotency-Key', key).send({ title: 'Mine' }).expect(201);
    expect(b.headers['idempotent-replayed']).toBeUndefined();
    expect(b.body.id).not.toBe(a.body.id);
  });

  it('refuses a key that is empty or longer than 255 characters with a 400 problem', async () => {
    const { auth } = await signUp(t);
    for (const key of ['', 'x'.repeat(256), 'tab\there']) {
      const res = await t.http.post('/api/v1/tasks').set(auth).set('Idempotency-Key', key).send({ title: 'Nope' });
      expect(expectProblem(res, 400).code).toBe('IDEMPOTENCY.INVALID_KEY');
    }
    expect(await listTitles(auth)).toEqual([]);
  });

  it('replays an attachment upload without storing the file twice', async () => {
    const { auth } = await signUp(t);
    const task = await t.http.post('/api/v1/tasks').set(auth).send({ title: 'With a file' }).expect(201);
    const key = randomUUID();
    const upload = () =>
      t.http
        .post(`/api/v1/tasks/${task.body.id}/attachments`)
        .set(auth)
        .set('Idempotency-Key', key)
        .attach('file', Buffer.from('hello, world\n'), 'notes.txt');
    const first = await upload().expect(201);
    const retry = await upload().expect(201);
    expect(retry.headers['idempotent-replayed']).toBe('true');
    expect(retry.body).toEqual(first.body);
    const list = await t.http.get(`/api/v1/tasks/${task.body.id}/attachments`).set(auth).expect(200);
    expect(list.body.items).toHaveLength(1);
  });
});
