// Shared pieces of the benchmarks (not tests): child processes on 127.0.0.1 only, the API's
// environment, sign-up and seeding straight into the SQLite file through the built adapter.
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { loadavg } from 'node:os';
import { join } from 'node:path';

const require = createRequire(import.meta.url);
export const DIST = join(process.cwd(), 'dist/server');
export const JWT_SECRET = 'benchmark-secret-benchmark-secret-benchmark';

/**
 * The Node flags `npm start` gives the API (its heap sizes; `API_HEAP_MB` for the old space), read
 * from package.json's start script, so the benchmarks run the API as it is started.
 */
export const START_FLAGS = (() => {
  const { scripts } = JSON.parse(readFileSync(join(process.cwd(), 'package.json'), 'utf8'));
  const flags = scripts.start.match(/--max-[a-z-]+=\S+/g) ?? [];
  return flags.map((flag) => flag.replace(/\$\{API_HEAP_MB:-(\d+)\}/, (_, size) => process.env.API_HEAP_MB ?? size));
})();

export const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

/** The API's environment: production mode, embedded store under `dataDir`, rate limits off. */
export function apiEnv(dataDir, port, extra = {}) {
  return {
    NODE_ENV: 'production',
    PORT: String(port),
    HOST: '127.0.0.1',
    DATA_DIR: dataDir,
    JWT_SECRET,
    ENCRYPTION_KEYS: `bench:${Buffer.alloc(32, 1).toString('base64')}`,
    ENCRYPTION_ACTIVE_KEY: 'bench',
    BLIND_INDEX_KEY: Buffer.alloc(32, 2).toString('base64'),
    THROTTLE_ENABLED: 'false',
    LOG_LEVEL: process.env.BENCH_LOG_LEVEL ?? 'info',
    SHUTDOWN_DRAIN_MS: '0',
    METRICS_PORT: '0',
    // The seed spans years (a task an hour): the archive run would move its old completed tasks
    // while the load runs, and the pages would no longer be the baseline's.
    ARCHIVE_AFTER: '0',
    ...extra,
  };
}

export function start(name, args, env, port) {
  const child = spawn(process.execPath, args, {
    env: { ...process.env, ...env },
    stdio: ['ignore', process.env.BENCH_STDOUT ? 'inherit' : 'ignore', 'inherit'],
  });
  child.label = name;
  child.url = `http://127.0.0.1:${port}`;
  child.startedAt = performance.now();
  return child;
}

/** Polls until `url` answers 2xx; returns the milliseconds since `since`. */
export async function waitFor(url, since = performance.now()) {
  for (let i = 0; i < 600; i++) {
    try {
      if ((await fetch(url)).ok) return performance.now() - since;
    } catch {}
    await sleep(20);
  }
  throw new Error(`${url} did not come up`);
}

/** Current and peak resident set size of a process (VmRSS, VmHWM), in MB. */
export function rssMb(pid) {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  return {
    now: Number(/VmRSS:\s+(\d+)/.exec(status)[1]) / 1024,
    peak: Number(/VmHWM:\s+(\d+)/.exec(status)[1]) / 1024,
  };
}

export const load = () =>
  loadavg()
    .map((l) => l.toFixed(2))
    .join(' ');

const json = { 'content-type': 'application/json' };

/** Registers and logs in a user; returns its id and the headers of an authenticated request. */
export async function signUp(baseUrl, email) {
  const credentials = { email, password: 'benchmark password' };
  const registered = await fetch(`${baseUrl}/api/v1/auth/register`, {
    method: 'POST',
    headers: json,
    body: JSON.stringify({ name: 'Bench', ...credentials }),
  });
  if (!registered.ok) throw new Error(`register ${registered.status}: ${await registered.text()}`);
  const login = await fetch(`${baseUrl}/api/v1/auth/login`, { method: 'POST', headers: json, body: JSON.stringify(credentials) });
  const { accessToken } = await login.json();
  const me = await (await fetch(`${baseUrl}/api/v1/users/me`, { headers: { authorization: `Bearer ${accessToken}` } })).json();
  return { id: me.id, token: accessToken, headers: { authorization: `Bearer ${accessToken}`, ...json } };
}

const DAY = 86_400_000;
const STATUSES = ['todo', 'in_progress', 'completed', 'completed', 'completed', 'cancelled'];
const PRIORITIES = ['low', 'medium', 'high', 'urgent'];
const TAGS = [['home'], ['work'], ['work', 'errand'], [], ['later'], ['home', 'family'], [], ['work']];

/**
 * Seeds `count` tasks for one owner straight into the SQLite file through the built adapter (one
 * transaction per 5,000), the same mix at every size: created over the last `count` hours, all
 * statuses and priorities, due dates in the past, soon, later and none, tags, and the word
 * "needle" in 1 of 1,000 titles. Every write goes through SqliteTaskRepository, so indexes,
 * search and statistics stay as the app would keep them.
 */
export async function seedTasks(file, ownerId, count, now = Date.now()) {
  const { SqliteDatabase } = require(join(DIST, 'libs/infrastructure/src/sqlite/database/sqlite-database.js'));
  const { SqliteTaskRepository } = require(join(DIST, 'libs/infrastructure/src/sqlite/tasks/sqlite-task.repository.js'));
  const { PLAINTEXT_TASK_CONTENT } = require(join(DIST, 'libs/infrastructure/src/core/tasks/task-content-sealer.js'));
  const { Task } = require(join(DIST, 'libs/domain/src/index.js'));
  const { v7 } = require('uuid');
  const sqlite = new SqliteDatabase({ file });
  const repo = new SqliteTaskRepository(sqlite, PLAINTEXT_TASK_CONTENT);
  const span = count * 3_600_000; // one task an hour, back from now
  const writes = [];
  for (let from = 0; from < count; from += 5000) {
    sqlite.db.transaction(() => {
      for (let i = from; i < Math.min(count, from + 5000); i++) {
        const created = now - span + i * 3_600_000;
        const status = STATUSES[i % STATUSES.length];
        const dueChoice = i % 5;
        const dueDate = dueChoice === 0 ? null : new Date(created + (dueChoice - 1) * 3 * DAY - DAY);
        const completedAt = status === 'completed' ? new Date(created + ((i % 7) + 1) * 3_600_000) : null;
        const task = Task.restore({
          id: v7({ msecs: created }),
          ownerId,
          title: i % 1000 === 500 ? `Find the needle ${i}` : `Task number ${i} of the seed`,
          description: i % 3 === 0 ? `Some notes about item ${i}` : '',
          status,
          priority: PRIORITIES[(i * 7) % 4],
          dueDate,
          tags: TAGS[i % TAGS.length],
          createdAt: new Date(created),
          updatedAt: new Date(completedAt?.getTime() ?? created),
          completedAt,
          version: 1,
        });
        // insert() is async by signature only: the SQLite adapter writes before it returns.
        writes.push(repo.insert(task));
      }
    })();
  }
  await Promise.all(writes);
  sqlite.close();
}

/** Removes a benchmark run's Redis keys (its own prefix only). */
export async function dropRedisKeys(url, prefix) {
  const { Redis } = require('ioredis');
  const redis = new Redis(url, { lazyConnect: true, maxRetriesPerRequest: 1 });
  try {
    await redis.connect();
    let cursor = '0';
    do {
      const [next, keys] = await redis.scan(cursor, 'MATCH', `${prefix}*`, 'COUNT', 500);
      if (keys.length) await redis.del(...keys);
      cursor = next;
    } while (cursor !== '0');
  } finally {
    redis.disconnect();
  }
}
