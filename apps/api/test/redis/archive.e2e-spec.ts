import { Redis } from 'ioredis';
import { signUp, startTestApp, type TestApp } from '../support/test-app';
import { describeWithRedis, dropPrefix, eventually, REDIS_URL, uniquePrefix } from './support/redis-env';

// The scaled messaging: the archive run rides the one BullMQ scan schedule, and the Redis statistics
// projection learns of moves and restores from their events (TaskArchived / TaskRestored).
describeWithRedis('the task archive with Redis: BullMQ schedule and statistics projection', () => {
  let prefix: string;
  let t: TestApp;
  let redis: Redis;

  beforeAll(async () => {
    prefix = uniquePrefix('archive');
    t = await startTestApp({ REDIS_URL, REDIS_PREFIX: prefix, NOTIFICATION_SCAN_INTERVAL: '500ms', ARCHIVE_AFTER: '2s' });
    redis = new Redis(REDIS_URL);
  });

  afterAll(async () => {
    await t?.close();
    redis?.disconnect();
    if (prefix) await dropPrefix(prefix);
  });

  it('moves a completed task on the scan job and keeps the projected counters and archived count exact', async () => {
    const user = await signUp(t);
    const create = async (title: string) =>
      (await t.http.post('/api/v1/tasks').set(user.auth).send({ title }).expect(201)).body as { id: string };
    const done = await create('Done long ago');
    await create('Still open');
    await t.http.put(`/api/v1/tasks/${done.id}/complete`).set(user.auth).expect(200);
    const counters = () => redis.hgetall(`${prefix}:stats:{${user.userId}}:counters`);
    const caughtUp = async () => {
      const [seq, applied] = await redis.mget(`${prefix}:events:seq:${user.userId}`, `${prefix}:stats:{${user.userId}}:applied`);
      return !!seq && seq === applied;
    };
    const stats = async () => (await t.http.get('/api/v1/tasks/stats/overview').set(user.auth).expect(200)).body;

    await eventually(async () => (await counters())['archived'] === '1' && (await caughtUp()), 20_000);
    expect(await counters()).toMatchObject({ total: '1', 's:todo': '1', 's:completed': '0', archived: '1' });
    expect(await stats()).toMatchObject({ total: 1, archived: 1, byStatus: { completed: 0, todo: 1 } });

    await t.http.post(`/api/v1/tasks/${done.id}/restore`).set(user.auth).expect(200);
    await eventually(async () => (await counters())['archived'] === '0' && (await caughtUp()));
    expect(await counters()).toMatchObject({ total: '2', 's:completed': '1' });
    expect(await stats()).toMatchObject({ total: 2, archived: 0, byStatus: { completed: 1, todo: 1 } });
  });
});
