// npm run soak — two API processes, one worker and a private redis-server on one SQLite store,
// under mixed load (reads, writes, completions, uploads) for SOAK_MINUTES (default 5). Redis is
// restarted twice and the worker SIGKILLed once during the run. Writes a report (requests, error
// rate outside the outage windows, p99 and RSS per minute per process, events lost) and an SVG
// plot of p99 and RSS over time into tmp/soak/<time>/. Bounded: the load stops at the deadline.
import { spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { createRequire } from 'node:module';

const ROOT = resolve(import.meta.dirname, '../../..');
const require = createRequire(join(ROOT, 'package.json'));
const { Redis } = require('ioredis');
const Database = require('better-sqlite3');

const MINUTES = Number(process.env.SOAK_MINUTES ?? 5);
const USERS = Number(process.env.SOAK_USERS ?? 16);
const DURATION = MINUTES * 60_000;
const MAIN = join(ROOT, 'dist/server/apps/api/src/main.js');
const out = join(ROOT, 'tmp/soak', new Date().toISOString().replace(/[:.]/g, '-'));
mkdirSync(out, { recursive: true });
const data = mkdtempSync(join(tmpdir(), 'primetrade-soak-'));
const log = (...a) => console.log(`[soak ${((Date.now() - t0) / 1000).toFixed(0)}s]`, ...a);
let t0 = Date.now();

const freePort = () =>
  new Promise((ok) => {
    const s = createServer();
    s.listen(0, '127.0.0.1', () => {
      const { port } = s.address();
      s.close(() => ok(port));
    });
  });
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

// ---- redis ----
const redisPort = await freePort();
const redisUrl = `redis://127.0.0.1:${redisPort}`;
let redisChild;
async function startRedis() {
  redisChild = spawn(
    'redis-server',
    ['--port', String(redisPort), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'yes', '--dir', data],
    { stdio: 'ignore' },
  );
  for (let i = 0; i < 100; i++) {
    const probe = new Redis(redisUrl, { lazyConnect: true, maxRetriesPerRequest: 0, retryStrategy: () => null });
    probe.on('error', () => undefined);
    try {
      await probe.connect();
      await probe.ping();
      probe.disconnect();
      return;
    } catch {
      probe.disconnect();
      await sleep(100);
    }
  }
  throw new Error('redis-server did not start');
}
async function stopRedis() {
  const exited = new Promise((r) => redisChild.once('exit', r));
  redisChild.kill('SIGTERM');
  await exited;
}

// ---- app processes ----
const env = {
  PATH: process.env.PATH,
  NODE_ENV: 'production',
  DATA_DIR: data,
  JWT_SECRET: 'soak-secret-that-is-long-enough-for-hs256-keys',
  ENCRYPTION_KEYS: `k1:${Buffer.alloc(32, 7).toString('base64')}`,
  ENCRYPTION_ACTIVE_KEY: 'k1',
  BLIND_INDEX_KEY: Buffer.alloc(32, 9).toString('base64'),
  REDIS_URL: redisUrl,
  REDIS_PREFIX: 'soak',
  WEB_DIST_DIR: join(data, 'no-web'),
  THROTTLE_DEFAULT_LIMIT: '10000000',
  THROTTLE_TASK_CREATE_LIMIT: '10000000',
  THROTTLE_LOGIN_LIMIT: '10000000',
  NOTIFICATION_SCAN_INTERVAL: '5s',
  NOTIFICATION_LOCK: '5s',
  OUTBOX_RELAY_LEASE: '3s',
  LOG_LEVEL: 'warn',
  SHUTDOWN_DRAIN_MS: '0',
};
function startApp(name, role, port) {
  const child = spawn(process.execPath, [MAIN, `--role=${role}`], {
    cwd: ROOT,
    env: { ...env, PORT: String(port), METRICS_PORT: '0' },
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  // The last of its stderr, to say why it died or did not start.
  const proc = { name, role, port, child, url: `http://127.0.0.1:${port}`, stderr: '' };
  child.stderr.on('data', (chunk) => (proc.stderr = (proc.stderr + chunk).slice(-4000)));
  return proc;
}
async function ready(p) {
  // Generous: three processes start at once on a shared two-core machine.
  for (let i = 0; i < 900; i++) {
    if (p.child.exitCode !== null) throw new Error(`${p.name} exited with ${p.child.exitCode} before it was live:\n${p.stderr}`);
    try {
      if ((await fetch(`${p.url}/api/health/live`)).ok) return;
    } catch {}
    await sleep(100);
  }
  throw new Error(`${p.name} was not live after 90 s:\n${p.stderr}`);
}
const rssOf = (pid) => {
  try {
    return Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))[1]) / 1024;
  } catch {
    return null;
  }
};

await startRedis();
const apis = [startApp('api-1', 'api', await freePort()), startApp('api-2', 'api', await freePort())];
let worker = startApp('worker', 'worker', await freePort());
await Promise.all([...apis, worker].map(ready));
log('started: 2 API processes, 1 worker, redis', redisUrl);

// ---- users ----
const users = [];
for (let u = 0; u < USERS; u++) {
  const api = apis[u % 2];
  const email = `soak${u}@example.com`;
  await fetch(`${api.url}/api/v1/auth/register`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ name: `U${u}`, email, password: 'correct horse battery' }),
  });
  const login = await (
    await fetch(`${api.url}/api/v1/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email, password: 'correct horse battery' }),
    })
  ).json();
  users.push({ token: login.accessToken, tasks: [] });
}

// ---- schedule of faults ----
const outages = [];
const faults = [
  {
    at: 0.25,
    name: 'redis restart',
    run: async () => {
      const w = { from: Date.now() };
      await stopRedis();
      await sleep(3000);
      await startRedis();
      w.to = Date.now() + 5000;
      outages.push(w);
    },
  },
  {
    at: 0.45,
    name: 'worker SIGKILL',
    run: async () => {
      worker.child.kill('SIGKILL');
      await sleep(2000);
      worker = startApp('worker', 'worker', worker.port);
      await ready(worker);
    },
  },
  {
    at: 0.6,
    name: 'redis restart',
    run: async () => {
      const w = { from: Date.now() };
      await stopRedis();
      await sleep(3000);
      await startRedis();
      w.to = Date.now() + 5000;
      outages.push(w);
    },
  },
];

// ---- load ----
t0 = Date.now();
const deadline = t0 + DURATION;
const samples = []; // { t, ms, ok, status }
const rss = []; // { t, name, mb }
const sampler = setInterval(() => {
  for (const p of [...apis, worker]) rss.push({ t: Date.now() - t0, name: p.name, mb: rssOf(p.child.pid) });
}, 5000);
for (const f of faults)
  setTimeout(() => {
    log(f.name);
    f.run().then(
      () => log(`${f.name}: done`),
      (e) => log(`${f.name} failed`, e.message),
    );
  }, f.at * DURATION);

async function request(api, user, method, path, body, headers = {}) {
  const started = performance.now();
  let status = 0;
  let json;
  try {
    const res = await fetch(`${api.url}${path}`, {
      method,
      headers: { authorization: `Bearer ${user.token}`, ...headers },
      body,
      signal: AbortSignal.timeout(10_000),
    });
    status = res.status;
    const text = await res.text();
    json = text && res.headers.get('content-type')?.includes('json') ? JSON.parse(text) : undefined;
  } catch {}
  const ms = performance.now() - started;
  samples.push({ t: Date.now() - t0, ms, ok: status > 0 && status < 500, status, method, path });
  return { status, json };
}
async function virtualUser(i) {
  const user = users[i];
  let n = 0;
  while (Date.now() < deadline) {
    const api = apis[n++ % 2];
    const r = Math.random();
    if (r < 0.35) await request(api, user, 'GET', '/api/v1/tasks?limit=20');
    else if (r < 0.45) await request(api, user, 'GET', '/api/v1/tasks/stats/overview');
    else if (r < 0.7 || user.tasks.length === 0) {
      const res = await request(
        api,
        user,
        'POST',
        '/api/v1/tasks',
        JSON.stringify({ title: `soak ${i}-${n}`, dueDate: new Date(Date.now() + 3_600_000).toISOString() }),
        { 'content-type': 'application/json' },
      );
      if (res.status === 201) user.tasks.push(res.json.id);
    } else if (r < 0.82) {
      const id = user.tasks[Math.floor(Math.random() * user.tasks.length)];
      await request(api, user, 'PATCH', `/api/v1/tasks/${id}`, JSON.stringify({ description: `d${n}` }), {
        'content-type': 'application/json',
      });
    } else if (r < 0.94) {
      const id = user.tasks.shift();
      if (id) await request(api, user, 'PUT', `/api/v1/tasks/${id}/complete`);
    } else {
      const id = user.tasks[Math.floor(Math.random() * user.tasks.length)];
      const form = new FormData();
      form.append('file', new Blob([Buffer.alloc(2048, 0x61)]), 'notes.txt');
      const res = await request(api, user, 'POST', `/api/v1/tasks/${id}/attachments`, form);
      if (res.status === 409) user.tasks = user.tasks.filter((t) => t !== id); // full: leave it be
    }
  }
}
await Promise.all(users.map((_, i) => virtualUser(i)));
clearInterval(sampler);
log('load done; waiting for the outbox to drain and the projection to catch up');

// ---- events lost ----
const db = new Database(join(data, 'primetrade.sqlite'), { readonly: true });
for (let i = 0; i < 120; i++) {
  if (db.prepare('SELECT COUNT(*) AS n FROM event_outbox WHERE relayed_at IS NULL').get().n === 0) break;
  await sleep(500);
}
const outboxIds = db
  .prepare('SELECT id FROM event_outbox')
  .all()
  .map((r) => r.id);
const pending = db.prepare('SELECT COUNT(*) AS n FROM event_outbox WHERE relayed_at IS NULL').get().n;
const tasksTotal = db.prepare('SELECT COUNT(*) AS n FROM tasks').get().n;
db.close();
const redis = new Redis(redisUrl);
const entries = await redis.xrange('soak:events', '-', '+');
const onStream = new Map();
for (const [, f] of entries) {
  const id = f[f.indexOf('id') + 1];
  onStream.set(id, (onStream.get(id) ?? 0) + 1);
}
redis.disconnect();
const lost = outboxIds.filter((id) => !onStream.has(id)).length;
const duplicated = [...onStream.values()].filter((n) => n > 1).length;

// ---- statistics of the run ----
// A request counts against an outage when its lifetime overlaps the window (one sent just before
// Redis stopped may wait out its 10 s timeout after the window closes).
const inOutage = (s) => outages.some((w) => s.t + t0 >= w.from && s.t + t0 - s.ms <= w.to);
const outside = samples.filter((s) => !inOutage(s));
const errorsOutside = outside.filter((s) => !s.ok).length;
const p = (xs, q) => {
  if (!xs.length) return 0;
  const sorted = [...xs].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))];
};
const minutes = Math.ceil(DURATION / 60_000);
const perMinute = Array.from({ length: minutes }, (_, m) => {
  const inMinute = samples.filter((s) => s.t >= m * 60_000 && s.t < (m + 1) * 60_000);
  const row = {
    minute: m + 1,
    requests: inMinute.length,
    p99ms: Math.round(
      p(
        inMinute.map((s) => s.ms),
        0.99,
      ),
    ),
  };
  for (const name of ['api-1', 'api-2', 'worker']) {
    const mb = rss.filter((r) => r.name === name && r.mb !== null && r.t >= m * 60_000 && r.t < (m + 1) * 60_000).map((r) => r.mb);
    row[`rss ${name} MB`] = mb.length ? Math.round(Math.max(...mb)) : null;
  }
  return row;
});
const report = {
  minutes: MINUTES,
  users: USERS,
  requests: samples.length,
  errorsOutsideOutages: errorsOutside,
  // What failed, to find out why (status 0: no answer within 10 s, or the connection failed).
  errorsOutsideOutagesFirst: outside
    .filter((s) => !s.ok)
    .slice(0, 20)
    .map(({ t, ms, status, method, path }) => ({ atMs: t, ms: Math.round(ms), status, request: `${method} ${path}` })),
  errorRateOutsideOutages: outside.length ? errorsOutside / outside.length : 0,
  requestsDuringOutages: samples.length - outside.length,
  p99ms: Math.round(
    p(
      samples.map((s) => s.ms),
      0.99,
    ),
  ),
  tasks: tasksTotal,
  events: outboxIds.length,
  eventsPending: pending,
  eventsLost: lost,
  eventsDuplicatedOnStream: duplicated,
  perMinute,
};
writeFileSync(join(out, 'report.json'), JSON.stringify(report, null, 2));

// ---- SVG: p99 per 10 s and RSS per process over time ----
const W = 900,
  H = 420,
  PAD = 50;
const buckets = Math.ceil(DURATION / 10_000);
const p99s = Array.from({ length: buckets }, (_, b) =>
  p(
    samples.filter((s) => s.t >= b * 10_000 && s.t < (b + 1) * 10_000).map((s) => s.ms),
    0.99,
  ),
);
const maxP = Math.max(1, ...p99s);
const maxR = Math.max(1, ...rss.map((r) => r.mb ?? 0));
const x = (t) => PAD + (t / DURATION) * (W - 2 * PAD);
const line = (pts, color) =>
  `<polyline fill="none" stroke="${color}" stroke-width="2" points="${pts.map(([a, b]) => `${a.toFixed(1)},${b.toFixed(1)}`).join(' ')}"/>`;
const yTop = (v, max) => PAD + (1 - v / max) * (H / 2 - PAD);
const yBottom = (v, max) => H / 2 + PAD / 2 + (1 - v / max) * (H / 2 - PAD);
const colors = { 'api-1': '#1f77b4', 'api-2': '#2ca02c', worker: '#d62728' };
const svg = [
  `<svg xmlns="http://www.w3.org/2000/svg" width="${W}" height="${H}" font-family="sans-serif" font-size="12">`,
  `<rect width="100%" height="100%" fill="white"/>`,
  ...outages.map((w) => `<rect x="${x(w.from - t0)}" y="0" width="${x(w.to - t0) - x(w.from - t0)}" height="${H}" fill="#fdd" />`),
  `<text x="${PAD}" y="20">p99 latency per 10 s (max ${Math.round(maxP)} ms); shaded: Redis outages</text>`,
  line(
    p99s.map((v, b) => [x(b * 10_000 + 5000), yTop(v, maxP)]),
    '#ff7f0e',
  ),
  `<text x="${PAD}" y="${H / 2 + 15}">RSS per process (max ${Math.round(maxR)} MB): api-1 blue, api-2 green, worker red</text>`,
  ...Object.entries(colors).map(([name, color]) =>
    line(
      rss.filter((r) => r.name === name && r.mb !== null).map((r) => [x(r.t), yBottom(r.mb, maxR)]),
      color,
    ),
  ),
  `<text x="${PAD}" y="${H - 8}">0</text><text x="${W - PAD - 30}" y="${H - 8}">${MINUTES} min</text>`,
  `</svg>`,
].join('\n');
writeFileSync(join(out, 'plot.svg'), svg);
const md = [
  `# Soak report (${new Date().toISOString()})`,
  '',
  `${MINUTES} min, ${USERS} virtual users, 2 API processes + 1 worker + Redis on one SQLite store; Redis restarted twice, the worker SIGKILLed once.`,
  '',
  `- requests: ${report.requests} (${report.requestsDuringOutages} during the outage windows)`,
  `- errors outside the outage windows: ${errorsOutside} (rate ${(report.errorRateOutsideOutages * 100).toFixed(3)} %; target 0)`,
  ...report.errorsOutsideOutagesFirst.map(
    (e) => `  - at ${(e.atMs / 1000).toFixed(1)} s: ${e.request} → ${e.status || 'no answer'} after ${e.ms} ms`,
  ),
  `- p99 overall: ${report.p99ms} ms`,
  `- events: ${report.events} written, ${pending} still pending, ${lost} lost, ${duplicated} duplicated on the stream (target 0, 0)`,
  '',
  '| minute | requests | p99 ms | RSS api-1 MB | RSS api-2 MB | RSS worker MB |',
  '| --- | --- | --- | --- | --- | --- |',
  ...perMinute.map(
    (r) => `| ${r.minute} | ${r.requests} | ${r.p99ms} | ${r['rss api-1 MB']} | ${r['rss api-2 MB']} | ${r['rss worker MB']} |`,
  ),
  '',
  '![p99 and RSS over time](plot.svg)',
].join('\n');
writeFileSync(join(out, 'report.md'), md);
console.log(md);
console.log(`\nreport in ${out}`);

for (const p of [...apis, worker]) p.child.kill('SIGTERM');
await sleep(1000);
await stopRedis();
rmSync(data, { recursive: true, force: true });
process.exit(lost === 0 && errorsOutside === 0 ? 0 : 1);
