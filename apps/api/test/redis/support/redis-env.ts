import { spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { Redis } from 'ioredis';

export const REDIS_URL = process.env['REDIS_URL'] || 'redis://127.0.0.1:6379';

/** Synchronous probe (describe blocks are chosen before any async code runs). */
export function redisReachable(url = REDIS_URL): boolean {
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
    console.warn(`skipped: no Redis at REDIS_URL (${REDIS_URL}) — ${name}`);
    describe.skip(name, body);
  }
}

/** A key namespace of its own for one test run. */
export const uniquePrefix = (label: string): string => `e2e-${label}-${process.pid}-${randomBytes(3).toString('hex')}`;

/** Deletes every key of the namespace. */
export async function dropPrefix(prefix: string, url = REDIS_URL): Promise<void> {
  const redis = new Redis(url, { maxRetriesPerRequest: 1 });
  try {
    let cursor = '0';
    do {
      const [next, keys] = await redis.scan(cursor, 'MATCH', `${prefix}*`, 'COUNT', 500);
      if (keys.length) await redis.unlink(...keys);
      cursor = next;
    } while (cursor !== '0');
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
