// Throughput benchmark (not a test): the built API on the embedded database beside a bare
// node:http hello-world measured in the same run as the ceiling. Servers run as child
// processes so autocannon's own CPU use is not charged to them. Bounded: a few runs of
// BENCH_SECONDS each against 127.0.0.1 only.
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import autocannon from 'autocannon';

const SECONDS = Number(process.env.BENCH_SECONDS ?? 10);
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 50);
const TASKS = 1000;

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

function start(name, args, env, port) {
  const child = spawn(process.execPath, args, { env: { ...process.env, ...env }, stdio: ['ignore', 'ignore', 'inherit'] });
  child.label = name;
  child.url = `http://127.0.0.1:${port}`;
  return child;
}

async function waitFor(url) {
  for (let i = 0; i < 200; i++) {
    try {
      if ((await fetch(url)).ok) return;
    } catch {}
    await sleep(100);
  }
  throw new Error(`${url} did not come up`);
}

/** Peak resident set size of a process, from the kernel's high-water mark. */
function peakRssMb(pid) {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  return Number(/VmHWM:\s+(\d+)/.exec(status)[1]) / 1024;
}

function run(opts) {
  return new Promise((resolve, reject) => {
    autocannon({ connections: CONNECTIONS, duration: SECONDS, pipelining: 1, ...opts }, (err, result) =>
      err ? reject(err) : resolve(result),
    );
  });
}

const summary = (r) => ({ rps: r.requests.average, p50: r.latency.p50, p99: r.latency.p99, errors: r.errors + r.non2xx });

const helloPort = 3901;
const apiPort = 3902;
const dataDir = mkdtempSync(join(tmpdir(), 'primetrade-bench-'));
const hello = start(
  'hello',
  ['-e', `require('node:http').createServer((q,s)=>s.end('hello world')).listen(${helloPort},'127.0.0.1')`],
  {},
  helloPort,
);
const api = start(
  'api',
  ['dist/server/apps/api/src/main.js'],
  {
    NODE_ENV: 'production',
    PORT: String(apiPort),
    HOST: '127.0.0.1',
    DATA_DIR: dataDir,
    JWT_SECRET: 'benchmark-secret-benchmark-secret-benchmark',
    ENCRYPTION_KEYS: `bench:${Buffer.alloc(32, 1).toString('base64')}`,
    ENCRYPTION_ACTIVE_KEY: 'bench',
    BLIND_INDEX_KEY: Buffer.alloc(32, 2).toString('base64'),
    THROTTLE_ENABLED: 'false',
    LOG_LEVEL: process.env.BENCH_LOG_LEVEL ?? 'info',
    SHUTDOWN_DRAIN_MS: '0',
  },
  apiPort,
);

try {
  await waitFor(`${hello.url}/`);
  await waitFor(`${api.url}/api/health/live`);

  const json = { 'content-type': 'application/json' };
  const credentials = { email: 'bench@example.com', password: 'benchmark password' };
  await fetch(`${api.url}/api/v1/auth/register`, {
    method: 'POST',
    headers: json,
    body: JSON.stringify({ name: 'Bench', ...credentials }),
  });
  const { accessToken } = await (
    await fetch(`${api.url}/api/v1/auth/login`, { method: 'POST', headers: json, body: JSON.stringify(credentials) })
  ).json();
  const auth = { authorization: `Bearer ${accessToken}`, ...json };
  const priorities = ['low', 'medium', 'high', 'urgent'];
  for (let i = 0; i < TASKS; i += 50) {
    await Promise.all(
      Array.from({ length: 50 }, (_, j) =>
        fetch(`${api.url}/api/v1/tasks`, {
          method: 'POST',
          headers: auth,
          body: JSON.stringify({
            title: `Task ${i + j}`,
            priority: priorities[(i + j) % 4],
            tags: ['bench'],
            dueDate: new Date(Date.now() + (i + j) * 60_000).toISOString(),
          }),
        }),
      ),
    );
  }

  const ceiling = summary(await run({ url: `${hello.url}/` }));
  const list = summary(await run({ url: `${api.url}/api/v1/tasks?limit=20`, headers: auth }));
  const create = summary(
    await run({
      url: `${api.url}/api/v1/tasks`,
      method: 'POST',
      headers: auth,
      body: JSON.stringify({ title: 'Benchmark task', priority: 'high', tags: ['bench'] }),
    }),
  );
  const rss = peakRssMb(api.pid);

  const row = (name, s) =>
    `${name.padEnd(28)} ${s.rps.toFixed(0).padStart(8)} req/s  p50 ${String(s.p50).padStart(4)} ms  p99 ${String(s.p99).padStart(4)} ms  ${((s.rps / ceiling.rps) * 100).toFixed(1).padStart(5)} % of ceiling  errors ${s.errors}`;
  console.log(`\n${CONNECTIONS} connections, ${SECONDS} s each, user with ${TASKS} tasks, Node ${process.version}`);
  console.log(row('node:http hello world', ceiling));
  console.log(row('GET /api/v1/tasks (20)', list));
  console.log(row('POST /api/v1/tasks', create));
  console.log(`API peak RSS ${rss.toFixed(0)} MB`);
  const targets = [
    ['list ≥ 8 % of ceiling', list.rps / ceiling.rps >= 0.08],
    ['list p99 ≤ 30 ms', list.p99 <= 30],
    ['peak RSS ≤ 250 MB', rss <= 250],
    ['no errors', list.errors === 0 && create.errors === 0],
  ];
  for (const [name, ok] of targets) console.log(`${ok ? 'met   ' : 'MISSED'} ${name}`);
} finally {
  hello.kill();
  api.kill('SIGTERM');
  await sleep(300);
  rmSync(dataDir, { recursive: true, force: true });
}
