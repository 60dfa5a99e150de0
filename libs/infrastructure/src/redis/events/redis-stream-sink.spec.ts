import { EventBus } from '@nestjs/cqrs';
import { TaskCreated } from '@primetrade/domain';
import { describeWithRedis, dropTestPrefix, TEST_REDIS_URL, testPrefix } from '@primetrade/testing';
import { Redis } from 'ioredis';
import { encodeEvent } from '../../core/events/event-codec';
import { fromStreamFields } from './event-envelope';
import { RedisStreamSink } from './redis-streams-event-publisher';

describeWithRedis('RedisStreamSink (the outbox relay on Redis)', () => {
  let redis: Redis;
  let prefix: string;
  let sink: RedisStreamSink;
  const local: unknown[] = [];

  beforeEach(() => {
    redis = new Redis(TEST_REDIS_URL);
    prefix = testPrefix('sink');
    local.length = 0;
    sink = new RedisStreamSink({ url: TEST_REDIS_URL, prefix }, { publish: (e: unknown) => local.push(e) } as unknown as EventBus);
  });

  afterEach(async () => {
    sink.onApplicationShutdown();
    await dropTestPrefix(redis, prefix);
    redis.disconnect();
  });

  const created = (taskId: string, n: number) =>
    encodeEvent(
      new TaskCreated(
        taskId,
        'u1',
        { status: 'todo', priority: 'medium', dueDate: null, createdAt: new Date(n), completedAt: null },
        new Date(n),
      ),
      `ev-${taskId}`,
      'corr-1',
    );

  it('appends in order with one seq per event, once per event id however often it is handed on', async () => {
    await sink.deliver([created('t1', 1), created('t2', 2)]);
    await sink.deliver([created('t2', 2), created('t3', 3)]); // t2 again: a relay retry
    const entries = await redis.xrange(`${prefix}:events`, '-', '+');
    const envelopes = entries.map(([, fields]) => fromStreamFields(fields));
    expect(envelopes.map((e) => [e.id, e.seq])).toEqual([
      ['ev-t1', 1],
      ['ev-t2', 2],
      ['ev-t3', 3],
    ]);
    expect(envelopes[0]).toMatchObject({ type: TaskCreated.TYPE, ownerId: 'u1', correlationId: 'corr-1' });
    expect(await redis.get(`${prefix}:events:seq:u1`)).toBe('3');
    // Each delivery is handed to the local bus as well, as an instance of its class.
    expect(local[0]).toBeInstanceOf(TaskCreated);
  });

  it('fails at once while Redis is unreachable, buffering nothing', async () => {
    const down = new RedisStreamSink({ url: 'redis://127.0.0.1:1', prefix }, { publish: () => undefined } as unknown as EventBus);
    try {
      const started = Date.now();
      await expect(down.deliver([created('t1', 1)])).rejects.toThrow();
      expect(Date.now() - started).toBeLessThan(3000);
    } finally {
      down.onApplicationShutdown();
    }
  });
});
