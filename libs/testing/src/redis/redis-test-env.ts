import { spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import type { Redis } from 'ioredis';

// Test helpers for specs that need the real Redis: adapter specs and the API's e2e suites.
export const TEST_REDIS_URL = process.env['REDIS_URL'] || 'redis://127.0.0.1:6379';

/** Synchronous probe (describe blocks are chosen before any async code runs). */
export function redisReachable(url = TEST_REDIS_URL): boolean {
  const probe = `const r=new (require('ioredis').Redis)(process.argv[1],{lazyConnect:true,maxRetriesPerRequest:0,retryStrategy:()=>null,connectTimeout:1000});r.connect().then(()=>r.ping()).then(()=>process.exit(0),()=>process.exit(1))`;
  return spawnSync(process.execPath, ['-e', probe, url], { timeout: 5000, cwd: process.cwd() }).status === 0;
}

/**
 * `describe` when Redis answers; otherwise a skipped block plus a loud line, so a machine
 * without Redis never reports these tests as passed.
 */
export function describeWithRedis(name: string, body: () => void): void {
  if (redisReachable()) {
    describe(name, body);
  } else {
    console.warn(`skipped: no Redis at REDIS_URL (${TEST_REDIS_URL}) — ${name}`);
    describe.skip(name, body);
  }
}

/** A key namespace of its own for one test run. */
export const testPrefix = (label: string): string => `spec-${label}-${process.pid}-${randomBytes(3).toString('hex')}`;

/** Deletes every key of the namespace. */
export async function dropTestPrefix(redis: Redis, prefix: string): Promise<void> {
  let cursor = '0';
  do {
    const [next, keys] = await redis.scan(cursor, 'MATCH', `${prefix}*`, 'COUNT', 500);
    if (keys.length) await redis.unlink(...keys);
    cursor = next;
  } while (cursor !== '0');
}
