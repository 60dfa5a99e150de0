// Time from process start to readiness (GET /api/health/ready = 200) and idle RSS 3 s later, for
// built servers given as arguments (paths to main.js), alternated over several rounds on fresh
// data folders. Usage: node tools/measure-startup.mjs dist/server/apps/api/src/main.js [other/main.js …]
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const servers = process.argv.slice(2);
const rounds = Number(process.env.ROUNDS ?? 5);
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
const rssMb = (pid) => Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))[1]) / 1024;

async function measure(main, port) {
  const dataDir = mkdtempSync(join(tmpdir(), 'primetrade-startup-'));
  const started = performance.now();
  const child = spawn(process.execPath, [main], {
    env: {
      PATH: process.env.PATH,
      NODE_PATH: process.env.NODE_PATH ?? '',
      NODE_ENV: 'production',
      PORT: String(port),
      HOST: '127.0.0.1',
      DATA_DIR: dataDir,
      LOG_LEVEL: 'warn',
      JWT_SECRET: 'startup-measurement-secret-long-enough-32b',
      METRICS_PORT: String(port + 1000),
      ENCRYPTION_KEYS: `k1:${Buffer.alloc(32, 1).toString('base64')}`,
      ENCRYPTION_ACTIVE_KEY: 'k1',
      BLIND_INDEX_KEY: Buffer.alloc(32, 2).toString('base64'),
    },
    stdio: 'ignore',
  });
  let readyMs;
  while (readyMs === undefined) {
    try {
      const res = await fetch(`http://127.0.0.1:${port}/api/health/ready`);
      if (res.status === 200) readyMs = performance.now() - started;
    } catch {
      /* not listening yet */
    }
    if (performance.now() - started > 30_000) throw new Error(`${main} not ready in 30 s`);
    await sleep(20);
  }
  await sleep(3000);
  const rss = rssMb(child.pid);
  child.kill('SIGTERM');
  await new Promise((r) => child.once('exit', r));
  rmSync(dataDir, { recursive: true, force: true });
  return { readyMs, rss };
}

const results = new Map(servers.map((s) => [s, []]));
for (let round = 0; round < rounds; round++) {
  for (const [i, main] of servers.entries()) results.get(main).push(await measure(main, 3700 + i));
}
const median = (xs) => xs.sort((a, b) => a - b)[Math.floor(xs.length / 2)];
for (const [main, runs] of results) {
  console.log(
    `${main}: ready ${median(runs.map((r) => r.readyMs)).toFixed(0)} ms, idle RSS ${median(runs.map((r) => r.rss)).toFixed(0)} MB (median of ${runs.length})`,
  );
}
