import { spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { Redis } from 'ioredis';

// Test-only helpers for adapter specs that need the real Redis.
export const TEST_REDIS_URL = process.env['REDIS_URL'] || 'redis://127.0.0.1:6379';

/** `describe` when Redis answers; otherwise skipped, with a loud line instead of a pass. */
export function describeWithRedis(name: string, body: () => void): void {
  const probe = `const r=new (require('ioredis').Redis)(process.argv[1],{lazyConnect:true,maxRetriesPerRequest:0,retryStrategy:()=>null,connectTimeout:1000});r.connect().then(()=>r.ping()).then(()=>process.exit(0),()=>process.exit(1))`;
  if (spawnSync(process.execPath, ['-e', probe, TEST_REDIS_URL], { timeout: 5000 }).status === 0) return describe(name, body);
  console.warn(`skipped: no Redis at REDIS_URL (${TEST_REDIS_URL}) — ${name}`);
  describe.skip(name, body);
}

export const testPrefix = (label: string) => `spec-${label}-${process.pid}-${randomBytes(3).toString('hex')}`;

export async function dropTestPrefix(redis: Redis, prefix: string): Promise<void> {
  let cursor = '0';
  do {
    const [next, keys] = await redis.scan(cursor, 'MATCH', `${prefix}*`, 'COUNT', 500);
    if (keys.length) await redis.unlink(...keys);
    cursor = next;
  } while (cursor !== '0');
}
