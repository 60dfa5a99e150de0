import { TaskArchived, TaskCreated, TaskDeleted, TaskRestored, TaskUpdated, UserRegistered } from '@primetrade/domain';
import { Redis } from 'ioredis';
import type { EventEnvelope } from '../events/event-envelope';
import { describeWithRedis, dropTestPrefix, TEST_REDIS_URL, testPrefix } from '@primetrade/testing';
import { StatisticsProjection } from './statistics-projection';

const NOW = new Date('2026-12-01T12:00:00.000Z');
const facts = (over: object = {}) => ({
  status: 'todo',
  priority: 'medium',
  dueDate: '2026-12-01T14:00:00.000Z',
  createdAt: '2026-12-01T08:00:00.000Z',
  completedAt: null,
  ...over,
});

let n = 0;
const envelope = (type: string, seq: number, payload: object, aggregateId = 't1'): EventEnvelope => ({
  id: `e${++n}`,
  type,
  aggregateId,
  ownerId: 'u1',
  seq,
  occurredAt: NOW.toISOString(),
  correlationId: '',
  payload: JSON.stringify(payload),
});

describeWithRedis('StatisticsProjection on Redis', () => {
  let redis: Redis;
  let prefix: string;
  let projection: StatisticsProjection;

  beforeEach(() => {
    redis = new Redis(TEST_REDIS_URL);
    prefix = testPrefix('projection');
    projection = new StatisticsProjection({ url: TEST_REDIS_URL, prefix });
  });

  afterEach(async () => {
    await dropTestPrefix(redis, prefix);
    redis.disconnect();
  });

  it('is not trusted for an owner whose history did not start with registration', async () => {
    await projection.apply(redis, envelope(TaskCreated.TYPE, 1, { facts: facts() }));
    expect(await projection.read(redis, 'u1', NOW)).toBeNull();
  });

  it('applies each event once, in any order, and answers like the SQL aggregate', async () => {
    const registered = envelope(UserRegistered.TYPE, 1, {}, 'u1');
    const created = envelope(TaskCreated.TYPE, 2, { facts: facts() });
    const completed = envelope(TaskUpdated.TYPE, 3, {
      before: facts(),
      after: facts({ status: 'completed', completedAt: '2026-12-01T10:00:00.000Z' }),
    });
    const other = envelope(TaskCreated.TYPE, 4, { facts: facts({ dueDate: '2026-12-01T11:00:00.000Z', priority: 'urgent' }) }, 't2');
    // Completion arrives before creation; the creation is delivered twice.
    for (const e of [registered, completed, created, created, other]) await projection.apply(redis, e);
    expect(await projection.apply(redis, completed)).toBe(false);

    const stats = await projection.read(redis, 'u1', NOW);
    expect(stats).toEqual({
      total: 2,
      byStatus: { todo: 1, in_progress: 0, completed: 1, cancelled: 0 },
      byPriority: { low: 0, medium: 1, high: 0, urgent: 1 },
      overdue: 1, // t2, due 11:00; t1 is completed, so out of the due set despite the late creation event
      dueSoon: 0,
      completionRate: 0.5,
      averageCompletionMs: 2 * 3_600_000,
      archived: 0,
    });
    expect(await redis.get(projection.appliedKey('u1'))).toBe('4');
  });

  it('forgets a deleted task', async () => {
    await projection.apply(redis, envelope(UserRegistered.TYPE, 1, {}, 'u1'));
    await projection.apply(redis, envelope(TaskCreated.TYPE, 2, { facts: facts() }));
    await projection.apply(redis, envelope(TaskDeleted.TYPE, 3, { last: facts() }));
    expect(await projection.read(redis, 'u1', NOW)).toEqual(
      expect.objectContaining({ total: 0, dueSoon: 0, overdue: 0, averageCompletionMs: null }),
    );
  });

  it('moves an archived task out of the counters into the archived count, and back on restore', async () => {
    const done = facts({ status: 'completed', completedAt: '2026-12-01T10:00:00.000Z' });
    await projection.apply(redis, envelope(UserRegistered.TYPE, 1, {}, 'u1'));
    await projection.apply(redis, envelope(TaskCreated.TYPE, 2, { facts: done }));
    await projection.apply(redis, envelope(TaskArchived.TYPE, 3, { last: done }));
    expect(await projection.read(redis, 'u1', NOW)).toEqual(
      expect.objectContaining({ total: 0, archived: 1, byStatus: expect.objectContaining({ completed: 0 }), averageCompletionMs: null }),
    );
    await projection.apply(redis, envelope(TaskRestored.TYPE, 4, { facts: done }));
    expect(await projection.read(redis, 'u1', NOW)).toEqual(
      expect.objectContaining({ total: 1, archived: 0, byStatus: expect.objectContaining({ completed: 1 }) }),
    );
  });
});
