// Throughput benchmark (not a test). In one run, side by side, each server in its own child process
// so autocannon's CPU is not charged to it:
//   - the built API (production mode, embedded SQLite, rate limits off), and with REDIS_URL set a
//     second API on the Redis platform (shared rate limits, cache, streams);
//   - a hand-written baseline (baseline-server.mjs: node:http + jsonwebtoken + better-sqlite3 on the
//     same file, the same SQL);
//   - a node:http hello-world, the ceiling.
// A user with TASKS tasks (seeded through the adapter); autocannon with CONNECTIONS connections,
// BENCH_SECONDS each, after BENCH_WARMUP seconds of unmeasured load; BENCH_ROUNDS rounds alternating
// between the servers, each row the median round. Bounded, 127.0.0.1 only.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import autocannon from 'autocannon';
import { apiEnv, dropRedisKeys, JWT_SECRET, load, rssMb, seedTasks, signUp, sleep, start, START_FLAGS, waitFor } from './support.mjs';

const SECONDS = Number(process.env.BENCH_SECONDS ?? 5);
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 50);
const TASKS = Number(process.env.BENCH_TASKS ?? 1000);
const REDIS_URL = process.env.REDIS_URL;
/** Seconds of load before each measured run, not counted: every server is measured warm (JIT, caches). */
const WARMUP = Number(process.env.BENCH_WARMUP ?? 2);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 3);

/** One autocannon run; also counts the answers other than 2xx by status, to say what failed. */
function run(opts) {
  return new Promise((resolve, reject) => {
    const failed = new Map();
    const instance = autocannon({ connections: CONNECTIONS, duration: SECONDS, pipelining: 1, ...opts }, (err, result) =>
      err ? reject(err) : resolve({ ...result, failed }),
    );
    instance.on('response', (_client, status) => {
      if (status < 200 || status >= 300) failed.set(status, (failed.get(status) ?? 0) + 1);
    });
  });
}

const summary = (r) => ({
  rps: r.requests.average,
  p50: r.latency.p50,
  p99: r.latency.p99,
  errors: r.errors + r.timeouts + r.non2xx,
  // e.g. "500×1, timeout×1": what the errors column counts.
  why: [
    ...[...r.failed].map(([status, n]) => `${status}×${n}`),
    ...(r.timeouts ? [`timeout×${r.timeouts}`] : []),
    ...(r.errors - r.timeouts > 0 ? [`connection error×${r.errors - r.timeouts}`] : []),
  ].join(', '),
});

/** A server's row over the rounds: median req/s, p50 and p99 (each its own median), every error, the highest RSS. */
function median(runs) {
  const mid = (pick) => runs.map(pick).sort((a, b) => a - b)[Math.floor(runs.length / 2)];
  return {
    rps: mid((r) => r.rps),
    p50: mid((r) => r.p50),
    p99: mid((r) => r.p99),
    errors: runs.reduce((sum, r) => sum + r.errors, 0),
    why: runs
      .map((r) => r.why)
      .filter(Boolean)
      .join(', '),
    rss: Math.max(...runs.map((r) => r.rss)),
  };
}

/** Samples a process's RSS while a run lasts; returns the run's result and the highest RSS seen. */
async function sampled(pid, work) {
  let peak = 0;
  const timer = setInterval(() => (peak = Math.max(peak, rssMb(pid).now)), 200);
  try {
    const result = await work();
    return { ...result, rss: Math.max(peak, rssMb(pid).now) };
  } finally {
    clearInterval(timer);
  }
}

const servers = [];
const dirs = [];
try {
  const hello = start('hello', ['-e', `require('node:http').createServer((q,s)=>s.end('hello world')).listen(3901,'127.0.0.1')`], {}, 3901);
  servers.push(hello);

  // The APIs, started as `npm start` starts them (its heap cap); readiness timed from process start
  // on the built tree. One more embedded API without the cap shows what the cap does to RSS.
  const apis = [];
  for (const [name, port, extra, flags] of [
    ['API (embedded)', 3902, {}, START_FLAGS],
    ['API (embedded, no heap cap)', 3905, {}, []],
    ...(REDIS_URL ? [['API (Redis)', 3904, { REDIS_URL, REDIS_PREFIX: `bench${process.pid}` }, START_FLAGS]] : []),
  ]) {
    const dataDir = mkdtempSync(join(tmpdir(), 'primetrade-bench-'));
    dirs.push(dataDir);
    const api = start(name, [...flags, 'dist/server/apps/api/src/main.js'], apiEnv(dataDir, port, extra), port);
    servers.push(api);
    api.readyMs = await waitFor(`${api.url}/api/health/ready`, api.startedAt);
    api.file = join(dataDir, 'primetrade.sqlite');
    apis.push(api);
  }
  await waitFor(`${hello.url}/`);

  for (const api of apis) {
    api.user = await signUp(api.url, 'bench@example.com');
    await seedTasks(api.file, api.user.id, TASKS);
  }
  // The baseline reads and writes the embedded API's file, as the same user.
  const baseline = start('baseline', ['apps/api/bench/baseline-server.mjs', '3903', apis[0].file], { JWT_SECRET }, 3903);
  servers.push(baseline);
  await waitFor(`${hello.url}/`);
  for (let i = 0; i < 100; i++) {
    const r = await fetch(`${baseline.url}/api/v1/tasks?limit=20`, { headers: apis[0].user.headers }).catch(() => null);
    if (r?.ok) break;
    await sleep(50);
  }
  // Same page from both, byte for byte apart from key order: the baseline is a fair stand-in.
  const [fromApi, fromBaseline] = await Promise.all(
    [apis[0], baseline].map(async (s) => (await fetch(`${s.url}/api/v1/tasks?limit=20`, { headers: apis[0].user.headers })).json()),
  );
  if (JSON.stringify(fromApi) !== JSON.stringify(fromBaseline)) throw new Error('the baseline does not answer the same page as the API');

  const createBody = JSON.stringify({ title: 'Benchmark task', priority: 'high', tags: ['bench'] });
  const requests = [
    ['GET /api/v1/tasks?limit=20', (s, user) => ({ url: `${s.url}/api/v1/tasks?limit=20`, headers: user.headers })],
    ['POST /api/v1/tasks', (s, user) => ({ url: `${s.url}/api/v1/tasks`, method: 'POST', headers: user.headers, body: createBody })],
  ];

  const rows = [];
  const ceiling = await sampled(hello.pid, async () => summary(await run({ url: `${hello.url}/` })));
  rows.push(['GET / (hello world)', 'node:http ceiling', ceiling]);
  // ROUNDS rounds, each running the baseline and every API in turn: the machine's noise (shared
  // cores) then falls on all of them alike, and each row is the median round.
  for (const [name, options] of requests) {
    const targets = [
      { label: 'hand-written baseline', server: baseline, user: apis[0].user },
      ...apis.map((api) => ({ label: api.label, server: api, user: api.user })),
    ];
    const results = targets.map(() => []);
    for (let round = 0; round < ROUNDS; round++) {
      for (const [i, { server, user }] of targets.entries()) {
        if (WARMUP && round === 0) await run({ ...options(server, user), duration: WARMUP });
        results[i].push(await sampled(server.pid, async () => summary(await run(options(server, user)))));
      }
    }
    const base = median(results[0]);
    rows.push([name, targets[0].label, base]);
    for (const [i, { label }] of targets.entries()) if (i > 0) rows.push([name, label, median(results[i]), base]);
  }

  console.log(
    `\n${CONNECTIONS} connections, median of ${ROUNDS} rounds of ${SECONDS} s (after ${WARMUP} s of warm-up), user with ${TASKS} tasks, Node ${process.version}, API flags ${START_FLAGS.join(' ') || 'none'}, load average ${load()}`,
  );
  console.log('| request | server | req/s | p50 | p99 | × baseline | × ceiling | RSS | errors |');
  console.log('| --- | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |');
  for (const [name, server, s, base] of rows) {
    console.log(
      `| \`${name}\` | ${server} | ${s.rps.toFixed(0)} | ${s.p50} ms | ${s.p99} ms | ${base ? (s.rps / base.rps).toFixed(2) : '—'} | ${(s.rps / ceiling.rps).toFixed(2)} | ${s.rss.toFixed(0)} MB | ${s.errors}${s.why ? ` (${s.why})` : ''} |`,
    );
  }
  for (const api of apis) {
    console.log(`${api.label}: ready ${(api.readyMs / 1000).toFixed(2)} s after start, peak RSS ${rssMb(api.pid).peak.toFixed(0)} MB`);
  }
  // The targets are the API as `npm start` runs it; the uncapped row is for comparison.
  const list = rows.find(([n, s]) => n.startsWith('GET /api') && s === 'API (embedded)');
  const create = rows.find(([n, s]) => n.startsWith('POST') && s === 'API (embedded)');
  const targets = [
    ['page of 20 ≥ 1.2 × baseline', list[2].rps / list[3].rps >= 1.2],
    ['page of 20 p99 ≤ 25 ms', list[2].p99 <= 25],
    ['POST /tasks ≥ 1.0 × baseline', create[2].rps / create[3].rps >= 1.0],
    ['peak RSS ≤ 200 MB (embedded)', rssMb(apis[0].pid).peak <= 200],
    ['ready within 3 s', apis[0].readyMs <= 3000],
    ['no errors', rows.every(([, , s]) => s.errors === 0)],
  ];
  for (const [name, ok] of targets) console.log(`${ok ? 'met   ' : 'MISSED'} ${name}`);
} finally {
  for (const server of servers) server.kill('SIGTERM');
  await sleep(500);
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
  if (REDIS_URL) await dropRedisKeys(REDIS_URL, `bench${process.pid}`);
}
