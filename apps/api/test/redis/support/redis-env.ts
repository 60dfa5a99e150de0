import { Redis } from 'ioredis';
import { dropTestPrefix, TEST_REDIS_URL, testPrefix } from '@primetrade/testing';

export { describeWithRedis, redisReachable } from '@primetrade/testing';
export const REDIS_URL = TEST_REDIS_URL;

/** A key namespace of its own for one e2e run. */
export const uniquePrefix = (label: string): string => testPrefix(`e2e-${label}`);

/** Deletes every key of the namespace. */
export async function dropPrefix(prefix: string, url = REDIS_URL): Promise<void> {
  const redis = new Redis(url, { maxRetriesPerRequest: 1 });
  try {
    await dropTestPrefix(redis, prefix);
  } finally {
    redis.disconnect();
  }
}

/** Polls until `check` returns a truthy value or the time is up. */
export async function eventually<T>(check: () => Promise<T | undefined | null | false>, timeoutMs = 15_000, stepMs = 100): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let last: unknown;
  for (;;) {
    try {
      const value = await check();
      if (value) return value;
    } catch (error) {
      last = error;
    }
    if (Date.now() > deadline) throw new Error(`condition not met in ${timeoutMs} ms${last ? `: ${(last as Error).message}` : ''}`);
    await new Promise((r) => setTimeout(r, stepMs));
  }
}

export const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
