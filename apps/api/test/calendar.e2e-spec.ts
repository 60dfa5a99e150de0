import ICAL from 'ical.js';
import { expectProblem, signUp, startTestApp, type TestApp } from './support/test-app';

/** Parsed with ical.js (Mozilla's parser), not the library that wrote the feed. */
function events(ics: string) {
  const calendar = new ICAL.Component(ICAL.parse(ics));
  return calendar.getAllSubcomponents('vevent').map((event) => ({
    uid: event.getFirstPropertyValue('uid'),
    summary: event.getFirstPropertyValue('summary'),
    description: event.getFirstPropertyValue('description'),
    start: (event.getFirstPropertyValue('dtstart') as ICAL.Time).toJSDate().toISOString(),
    priority: event.getFirstPropertyValue('priority'),
    status: event.getFirstPropertyValue('x-primetrade-status'),
    lastModified: event.getFirstProperty('last-modified') !== null,
    sequence: event.getFirstPropertyValue('sequence'),
  }));
}

describe('private calendar feed (e2e)', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(async () => t?.close());

  const feedPath = (url: string) => new URL(url).pathname;

  it("serves the owner's open tasks with a due date as valid iCalendar, without a bearer token", async () => {
    const { auth } = await signUp(t);
    await t.http
      .post('/api/v1/tasks')
      .set(auth)
      .send({ title: 'Pay rent; now', description: 'Bank, then\nlandlord', priority: 'high', dueDate: '2030-01-02T09:00:00Z' })
      .expect(201);
    await t.http.post('/api/v1/tasks').set(auth).send({ title: 'No date' }).expect(201);
    const done = await t.http.post('/api/v1/tasks').set(auth).send({ title: 'Done already', dueDate: '2030-01-01T09:00:00Z' }).expect(201);
    await t.http.put(`/api/v1/tasks/${done.body.id}/complete`).set(auth).expect(200);

    const issued = await t.http.post('/api/v1/calendar/feed').set(auth).expect(201);
    expect(issued.body.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/api\/v1\/calendar\/[A-Za-z0-9_-]+\.ics$/);
    expect(issued.body.webcalUrl).toBe(issued.body.url.replace(/^http:/, 'webcal:'));
    expect(issued.body.url).not.toContain(issued.body.email ?? '@');

    const feed = await t.http.get(feedPath(issued.body.url)).expect(200);
    expect(feed.headers['content-type']).toMatch(/^text\/calendar/);
    const entries = events(feed.text);
    expect(entries).toEqual([
      {
        uid: expect.stringMatching(/@primetrade$/),
        summary: 'Pay rent; now',
        description: 'Bank, then\nlandlord',
        start: '2030-01-02T09:00:00.000Z',
        priority: 3,
        status: 'todo',
        lastModified: true,
        sequence: 1,
      },
    ]);
    // The UID is stable across polls.
    expect(events((await t.http.get(feedPath(issued.body.url)).expect(200)).text)[0].uid).toBe(entries[0].uid);

    // The address is the credential: the request log shows the feed's route, never its token.
    await new Promise((resolve) => setTimeout(resolve, 50));
    const token = /\/([A-Za-z0-9_-]+)\.ics$/.exec(issued.body.url)![1];
    expect(t.rawLogs.join('\n')).not.toContain(token);
    expect(t.logs.filter((l) => l.route === '/api/v1/calendar/:feed')).toContainEqual(
      expect.objectContaining({ req: { method: 'GET', url: '/api/v1/calendar/:feed' }, res: { statusCode: 200 } }),
    );
  });

  it('regenerating retires the old address; revoking makes it a 404; unknown tokens say nothing', async () => {
    const { auth } = await signUp(t);
    const first = await t.http.post('/api/v1/calendar/feed').set(auth).expect(201);
    const second = await t.http.post('/api/v1/calendar/feed').set(auth).expect(201);
    expect(second.body.url).not.toBe(first.body.url);
    expectProblem(await t.http.get(feedPath(first.body.url)), 404);
    await t.http.get(feedPath(second.body.url)).expect(200);
    await t.http.delete('/api/v1/calendar/feed').set(auth).expect(204);
    expectProblem(await t.http.get(feedPath(second.body.url)), 404);
    expectProblem(await t.http.delete('/api/v1/calendar/feed').set(auth), 404);
    for (const path of ['/api/v1/calendar/AAAAAAAAAAAAAAAAAAAAAAAA.ics', '/api/v1/calendar/feed.txt', '/api/v1/calendar/%2e%2e.ics']) {
      expect(expectProblem(await t.http.get(path), 404).code).toBe('CALENDAR.FEED_NOT_FOUND');
    }
  });

  it("never shows another user's tasks", async () => {
    const ada = await signUp(t, 'Ada');
    const bob = await signUp(t, 'Bob');
    await t.http.post('/api/v1/tasks').set(bob.auth).send({ title: "Bob's secret", dueDate: '2030-01-01T09:00:00Z' }).expect(201);
    const issued = await t.http.post('/api/v1/calendar/feed').set(ada.auth).expect(201);
    expect(events((await t.http.get(feedPath(issued.body.url)).expect(200)).text)).toEqual([]);
  });

  it('needs a bearer token to create or revoke a feed', async () => {
    expectProblem(await t.http.post('/api/v1/calendar/feed'), 401);
    expectProblem(await t.http.delete('/api/v1/calendar/feed'), 401);
  });
});
