import { Redis } from 'ioredis';
import { describeWithRedis, dropTestPrefix, TEST_REDIS_URL, testPrefix } from '@primetrade/testing';
import type { EventEnvelope } from './event-envelope';
import { toStreamFields } from './event-envelope';
import { StreamConsumer } from './stream-consumer';

const wait = async (check: () => boolean, ms = 10_000) => {
  const deadline = Date.now() + ms;
  while (!check()) {
    if (Date.now() > deadline) throw new Error('timed out');
    await new Promise((r) => setTimeout(r, 50));
  }
};

const fields = (id: string) =>
  toStreamFields({
    id,
    type: 'tasks.task-created',
    aggregateId: 't',
    ownerId: 'u',
    occurredAt: new Date(0).toISOString(),
    correlationId: 'c',
    payload: '{}',
  });

describeWithRedis('StreamConsumer on Redis', () => {
  let redis: Redis;
  let prefix: string;
  const consumers: StreamConsumer[] = [];

  beforeEach(() => {
    redis = new Redis(TEST_REDIS_URL);
    prefix = testPrefix('stream');
  });

  afterEach(async () => {
    await Promise.all(consumers.splice(0).map((c) => c.onApplicationShutdown()));
    await dropTestPrefix(redis, prefix);
    redis.disconnect();
  });

  const start = (seen: EventEnvelope[], fail?: (e: EventEnvelope) => boolean) => {
    const consumer = new StreamConsumer(
      { url: TEST_REDIS_URL, prefix },
      {
        group: 'g',
        claimIdleMs: 300,
        handle: async (_r, e) => {
          if (fail?.(e)) throw new Error('handler failed');
          seen.push(e);
        },
      },
    );
    consumers.push(consumer);
    consumer.onApplicationBootstrap();
    return consumer;
  };

  it('reads what was appended before it started, and acknowledges it', async () => {
    const stream = `${prefix}:events`;
    await redis.xadd(stream, '*', ...fields('a'));
    await redis.xadd(stream, '*', ...fields('b'));
    const seen: EventEnvelope[] = [];
    start(seen);
    await wait(() => seen.length === 2);
    expect(seen.map((e) => [e.id, e.correlationId])).toEqual([
      ['a', 'c'],
      ['b', 'c'],
    ]);
    await wait(() => false, 200).catch(() => undefined);
    expect(((await redis.xpending(stream, 'g')) as [number])[0]).toBe(0);
  });

  it("takes over a dead consumer's unacknowledged entries, and retries a failed one", async () => {
    const stream = `${prefix}:events`;
    await redis.xgroup('CREATE', stream, 'g', '0', 'MKSTREAM');
    await redis.xadd(stream, '*', ...fields('orphan'));
    await redis.xreadgroup('GROUP', 'g', 'dead-consumer', 'COUNT', 10, 'STREAMS', stream, '>'); // read, never acked
    await redis.xadd(stream, '*', ...fields('flaky'));
    let failures = 1;
    const seen: EventEnvelope[] = [];
    start(seen, (e) => e.id === 'flaky' && failures-- > 0);
    await wait(() => seen.some((e) => e.id === 'orphan') && seen.some((e) => e.id === 'flaky'));
    await wait(() => false, 200).catch(() => undefined);
    expect(((await redis.xpending(stream, 'g')) as [number])[0]).toBe(0);
  });
});
