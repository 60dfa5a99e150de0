import { eventually, sleep } from './redis/support/redis-env';
import { expectProblem, signUp, startTestApp, type TestApp } from './support/test-app';
import { binary, unzip } from './support/zip';

type Auth = { Authorization: string };
interface TaskBody {
  id: string;
  title: string;
  status: string;
  version: number;
  updatedAt: string;
}

// The embedded profile with the archive run on every scan (300 ms) and a 3 s ARCHIVE_AFTER, on the real clock.
describe('the task archive (e2e): moved by the scan, listed, searched, paged, restored', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp({ ARCHIVE_AFTER: '3s', NOTIFICATION_SCAN_INTERVAL: '300ms' });
  });
  afterAll(async () => t?.close());

  const create = (auth: Auth, title: string, tags: string[] = []) =>
    t.http
      .post('/api/v1/tasks')
      .set(auth)
      .send({ title, tags })
      .expect(201)
      .then((r) => r.body as TaskBody);
  const complete = (auth: Auth, id: string) => t.http.put(`/api/v1/tasks/${id}/complete`).set(auth).expect(200);
  const list = (auth: Auth, query: string) =>
    t.http
      .get(`/api/v1/tasks?${query}`)
      .set(auth)
      .expect(200)
      .then((r) => r.body as { items: TaskBody[]; nextCursor: string | null });
  const titles = (page: { items: TaskBody[] }) => page.items.map((i) => i.title);
  const stats = (auth: Auth) =>
    t.http
      .get('/api/v1/tasks/stats/overview')
      .set(auth)
      .expect(200)
      .then((r) => r.body as { total: number; archived: number; byStatus: Record<string, number> });

  it('archives old completed tasks, keeps one being edited hot, and lists, searches, restores them', async () => {
    const ada = await signUp(t, 'Ada');
    const renewal = await create(ada.auth, 'Passport renewal', ['paper']);
    const photos = await create(ada.auth, 'Passport photos');
    const taxes = await create(ada.auth, 'Tax return', ['paper']);
    const draft = await create(ada.auth, 'Draft kept busy');
    const open = await create(ada.auth, 'Still open');
    for (const task of [renewal, photos, taxes, draft]) await complete(ada.auth, task.id);

    // A client keeps editing one completed task while the archive runs: every edit is a change,
    // so the task is never unchanged for ARCHIVE_AFTER and stays hot.
    let editing = true;
    let edits = 0;
    const editor = (async () => {
      while (editing) {
        await t.http
          .patch(`/api/v1/tasks/${draft.id}`)
          .set(ada.auth)
          .send({ description: `edit ${++edits}` })
          .expect(200);
        await sleep(400);
      }
    })();
    try {
      await eventually(async () => (await list(ada.auth, 'archived=true')).items.length === 3, 20_000);
      await sleep(700); // two more archive runs
    } finally {
      editing = false;
      await editor;
    }

    const archived = await list(ada.auth, 'archived=true&sort=createdAt&order=asc');
    expect(titles(archived)).toEqual(['Passport renewal', 'Passport photos', 'Tax return']);
    expect(titles(await list(ada.auth, 'sort=createdAt&order=asc'))).toEqual(['Draft kept busy', 'Still open']);
    const overview = await stats(ada.auth);
    expect(overview).toMatchObject({ total: 2, archived: 3, byStatus: { completed: 1, todo: 1 } });

    // Search, filters and cursors, as on the hot list.
    expect(titles(await list(ada.auth, 'archived=true&q=passport&sort=createdAt&order=asc'))).toEqual([
      'Passport renewal',
      'Passport photos',
    ]);
    expect(titles(await list(ada.auth, 'archived=true&tag=paper&sort=createdAt&order=asc'))).toEqual(['Passport renewal', 'Tax return']);
    expect(titles(await list(ada.auth, `archived=true&filter=${encodeURIComponent('title ~ "tax"')}`))).toEqual(['Tax return']);
    const first = await list(ada.auth, 'archived=true&sort=createdAt&order=asc&limit=2');
    expect(titles(first)).toEqual(['Passport renewal', 'Passport photos']);
    const second = await list(ada.auth, `archived=true&sort=createdAt&order=asc&limit=2&cursor=${encodeURIComponent(first.nextCursor!)}`);
    expect(titles(second)).toEqual(['Tax return']);
    expect(second.nextCursor).toBeNull();
    const exported = await t.http.get('/api/v1/tasks/export?format=json&archived=true').set(ada.auth).buffer(true).expect(200);
    expect((JSON.parse(exported.text as string) as TaskBody[]).map((x) => x.title)).toEqual([
      'Passport renewal',
      'Passport photos',
      'Tax return',
    ]);
    // The account export holds every task, archived ones after the current ones.
    const zip = await t.http.get('/api/v1/users/me/export').set(ada.auth).buffer(true).parse(binary).expect(200);
    const exportedTasks = JSON.parse((await unzip(zip.body as Buffer)).get('tasks.json')!.toString('utf8')) as TaskBody[];
    expect(exportedTasks.map((x) => x.title)).toEqual([
      'Draft kept busy',
      'Still open',
      'Passport renewal',
      'Passport photos',
      'Tax return',
    ]);
    // An archived task is not among the current ones.
    expectProblem(await t.http.get(`/api/v1/tasks/${renewal.id}`).set(ada.auth), 404);

    // Another user neither sees nor restores it.
    const bob = await signUp(t, 'Bob');
    expect((await list(bob.auth, 'archived=true')).items).toEqual([]);
    expectProblem(await t.http.post(`/api/v1/tasks/${renewal.id}/restore`).set(bob.auth), 404);
    expectProblem(await t.http.post('/api/v1/tasks/0190a1b2-0000-7000-8000-000000000000/restore').set(ada.auth), 404);
    expectProblem(await t.http.post(`/api/v1/tasks/${open.id}/restore`).set(ada.auth), 404);

    const restored = await t.http.post(`/api/v1/tasks/${renewal.id}/restore`).set(ada.auth).expect(200);
    const before = archived.items[0];
    expect(restored.body).toMatchObject({ id: renewal.id, title: 'Passport renewal', status: 'completed', version: before.version + 1 });
    expect(restored.headers['etag']).toBe(`"${before.version + 1}"`);
    expect(Date.parse(restored.body.updatedAt)).toBeGreaterThan(Date.parse(before.updatedAt));
    expect((await t.http.get(`/api/v1/tasks/${renewal.id}`).set(ada.auth).expect(200)).body.version).toBe(before.version + 1);
    expect(titles(await list(ada.auth, 'q=passport'))).toEqual(['Passport renewal']);
    expect(await stats(ada.auth)).toMatchObject({ total: 3, archived: 2 });
    expectProblem(await t.http.post(`/api/v1/tasks/${renewal.id}/restore`).set(ada.auth), 404);
    expectProblem(await t.http.post(`/api/v1/tasks/${renewal.id}/restore`), 401);
  });

  it('refuses a bad archived flag with 400', async () => {
    const ada = await signUp(t, 'Ada');
    expectProblem(await t.http.get('/api/v1/tasks?archived=maybe').set(ada.auth), 400);
  });
});
