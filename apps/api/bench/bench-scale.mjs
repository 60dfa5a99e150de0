// Scale benchmark (not a test): one built API, two users — one with SMALL tasks, one with LARGE —
// the same read requests timed one at a time from outside the process (median of RUNS), and the
// ratio large/small. Flat means every ratio stays near 1. Tasks are seeded straight into the
// SQLite file through the built adapter. REDIS_URL set: the same with the Redis platform on.
// The API runs with TASK_PAGE_CACHE=0: repeating a request would otherwise time the page cache's
// hit (flat by construction), not the query and index the page needs at each size.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { apiEnv, dropRedisKeys, load, rssMb, seedTasks, signUp, sleep, start, START_FLAGS, waitFor } from './support.mjs';

const SMALL = Number(process.env.BENCH_SMALL ?? 1_000);
const LARGE = Number(process.env.BENCH_LARGE ?? 100_000);
const RUNS = Number(process.env.BENCH_RUNS ?? 30);
const port = 3911;

const SORTS = ['createdAt', 'updatedAt', 'dueDate', 'priority'];
/** Rows beyond the issue's table (and its "each sort in both orders"), marked so in the output. */
const EXTRA = new Set([
  '...&status=todo,in_progress',
  '...&overdue=true&sort=dueDate&order=asc',
  '...&q=seed (every task matches)',
  '...&q=ne (2 characters)',
  'GET /tasks/stats/timeline?days=30&tz=Europe/Paris',
  'GET /tasks/stats/timeline?days=365',
]);
const REQUESTS = [
  ['GET /tasks?limit=20 (default sort)', '/api/v1/tasks?limit=20'],
  ...SORTS.flatMap((sort) =>
    ['asc', 'desc'].map((order) => [`...&sort=${sort}&order=${order}`, `/api/v1/tasks?limit=20&sort=${sort}&order=${order}`]),
  ),
  ['...&status=todo&priority=high', '/api/v1/tasks?limit=20&status=todo&priority=high'],
  ['...&status=todo,in_progress', '/api/v1/tasks?limit=20&status=todo,in_progress'],
  ['...&tag=home', '/api/v1/tasks?limit=20&tag=home'],
  ['...&overdue=true', '/api/v1/tasks?limit=20&overdue=true'],
  ['...&overdue=true&sort=dueDate&order=asc', '/api/v1/tasks?limit=20&overdue=true&sort=dueDate&order=asc'],
  ['...&q=needle (1 in 1,000 match)', '/api/v1/tasks?limit=20&q=needle'],
  ['...&q=seed (every task matches)', '/api/v1/tasks?limit=20&q=seed'],
  ['...&q=ne (2 characters)', '/api/v1/tasks?limit=20&q=ne'],
  ['GET /tasks/stats/overview', '/api/v1/tasks/stats/overview'],
  ['GET /tasks/stats/timeline?days=30&tz=Europe/Paris', '/api/v1/tasks/stats/timeline?days=30&tz=Europe/Paris'],
  ['GET /tasks/stats/timeline?days=365', '/api/v1/tasks/stats/timeline?days=365'],
];

async function timed(url, headers) {
  const startedAt = performance.now();
  const response = await fetch(url, { headers });
  const body = await response.text();
  if (!response.ok) throw Object.assign(new Error(`${url}: ${response.status} ${body.slice(0, 200)}`), { status: response.status });
  return { ms: performance.now() - startedAt, body };
}

/** Five pages of 20 through the cursor, as one timing. */
async function fivePages(base, headers) {
  const startedAt = performance.now();
  let cursor = null;
  for (let page = 0; page < 5; page++) {
    const { body } = await timed(`${base}/api/v1/tasks?limit=20${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`, headers);
    cursor = JSON.parse(body).nextCursor;
  }
  return performance.now() - startedAt;
}

const median = (values) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
};

const dataDir = mkdtempSync(join(tmpdir(), 'primetrade-bench-scale-'));
// With Redis, keys under a prefix of this run's own, removed at the end.
const prefix = `benchscale${process.pid}`;
const api = start(
  'api',
  [...START_FLAGS, 'dist/server/apps/api/src/main.js'],
  apiEnv(dataDir, port, { TASK_PAGE_CACHE: '0', ...(process.env.REDIS_URL ? { REDIS_PREFIX: prefix } : {}) }),
  port,
);
try {
  await waitFor(`${api.url}/api/health/ready`);
  const small = await signUp(api.url, 'small@example.com');
  const large = await signUp(api.url, 'large@example.com');
  const seedStart = performance.now();
  const file = join(dataDir, 'primetrade.sqlite');
  await seedTasks(file, small.id, SMALL);
  await seedTasks(file, large.id, LARGE);
  console.error(`seeded ${SMALL} + ${LARGE} tasks in ${((performance.now() - seedStart) / 1000).toFixed(1)} s`);

  const rows = [];
  const measure = async (name, one) => {
    try {
      for (let i = 0; i < 3; i++) (await one(small), await one(large)); // warm-up
    } catch (error) {
      if (error.status !== 404) throw error;
      return console.error(`skipped (404, not in this build): ${name}`);
    }
    const a = [];
    const b = [];
    // Interleaved, so load changes on the shared machine hit both users alike.
    for (let i = 0; i < RUNS; i++) {
      a.push(await one(small));
      b.push(await one(large));
    }
    rows.push([name, median(a), median(b)]);
  };
  for (const [name, path] of REQUESTS) {
    await measure(name, async (user) => (await timed(`${api.url}${path}`, user.headers)).ms);
  }
  await measure('five pages through the cursor', (user) => fivePages(api.url, user.headers));

  const mode = process.env.REDIS_URL ? 'SQLite + Redis (REDIS_URL set)' : 'SQLite, embedded';
  console.log(`\n${mode}, page cache off; median of ${RUNS} sequential requests; Node ${process.version}; load average ${load()}`);
  console.log(`| request | user with ${SMALL.toLocaleString('en')} tasks | user with ${LARGE.toLocaleString('en')} tasks | ratio |`);
  console.log('| --- | ---: | ---: | ---: |');
  for (const [name, a, b] of rows) {
    console.log(`| \`${name}\`${EXTRA.has(name) ? ' (extra)' : ''} | ${a.toFixed(2)} ms | ${b.toFixed(2)} ms | ${(b / a).toFixed(2)} |`);
  }
  const worst = (list) => list.reduce((top, row) => (row[2] / row[1] > top[2] / top[1] ? row : top));
  const [name, a, b] = worst(rows.filter(([n]) => !EXTRA.has(n)));
  const [extraName, extraA, extraB] = worst(rows.filter(([n]) => EXTRA.has(n)));
  console.log(`\nworst ratio of the issue's requests ${(b / a).toFixed(2)} (${name}; target ≤ 1.3)`);
  console.log(`worst ratio of the extra rows ${(extraB / extraA).toFixed(2)} (${extraName})`);
  console.log(`API RSS ${rssMb(api.pid).now.toFixed(0)} MB`);
} finally {
  api.kill('SIGTERM');
  await sleep(300);
  if (process.env.REDIS_URL) await dropRedisKeys(process.env.REDIS_URL, prefix);
  rmSync(dataDir, { recursive: true, force: true });
}
