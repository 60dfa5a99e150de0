// Export memory (issue 12 and 13): the task export (CSV, JSON) and the account archive (ZIP) of a
// user with 1,000 tasks and of one with 100,000, from the same server in one run. Flat memory
// means the API's resident set grows no more for 100,000 tasks than for 1,000: the exports read a
// page at a time and write as the client reads. Printed: time, bytes, RSS before and the peak
// RSS while each export streamed (sampled every 10 ms from /proc).
//
//   npm run bench:export        (builds the API first)
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { apiEnv, load, rssMb, seedTasks, signUp, sleep, start, waitFor } from './support.mjs';

const SMALL = 1_000;
const LARGE = Number(process.env.EXPORT_LARGE ?? 100_000);
const port = 3500 + (process.pid % 400);
const dataDir = mkdtempSync(join(tmpdir(), 'primetrade-bench-export-'));
// A small old-space limit: an export that held its rows would run out of heap instead of only growing RSS.
const HEAP_MB = Number(process.env.EXPORT_HEAP_MB ?? 96);
const api = start(
  'api',
  [`--max-old-space-size=${HEAP_MB}`, 'dist/server/apps/api/src/main.js'],
  apiEnv(dataDir, port, { LOG_LEVEL: 'warn' }),
  port,
);

/** Streams one export to the end, sampling the API's RSS meanwhile. */
async function exportOnce(path, headers) {
  let peak = 0;
  const sampler = setInterval(() => (peak = Math.max(peak, rssMb(api.pid).now)), 10);
  const before = rssMb(api.pid).now;
  const started = performance.now();
  try {
    const res = await fetch(`${api.url}${path}`, { headers });
    if (!res.ok) throw new Error(`${path}: ${res.status} ${await res.text()}`);
    let bytes = 0;
    for await (const chunk of res.body) bytes += chunk.length;
    return { ms: performance.now() - started, bytes, before, peak: Math.max(peak, rssMb(api.pid).now) };
  } finally {
    clearInterval(sampler);
  }
}

try {
  await waitFor(`${api.url}/api/health/ready`);
  const small = await signUp(api.url, 'small@example.com');
  const large = await signUp(api.url, 'large@example.com');
  const file = join(dataDir, 'primetrade.sqlite');
  await seedTasks(file, small.id, SMALL);
  await seedTasks(file, large.id, LARGE);
  const exports = [
    ['tasks CSV', '/api/v1/tasks/export?format=csv'],
    ['tasks JSON', '/api/v1/tasks/export?format=json'],
    ['account archive (ZIP)', '/api/v1/users/me/export'],
  ];
  // Warm-up: code paths compiled and the page cache filled for both users before measuring.
  for (const [, path] of exports) for (const user of [small, large]) await exportOnce(path, user.headers);
  global.gc?.();
  await sleep(500);
  const rows = [];
  for (const [name, path] of exports)
    for (const [label, user] of [
      [SMALL, small],
      [LARGE, large],
    ]) {
      const r = await exportOnce(path, user.headers);
      rows.push([name, label, r]);
    }
  console.log(
    `\nExports, SQLite embedded, production mode, --max-old-space-size=${HEAP_MB}; Node ${process.version}; load average ${load()}`,
  );
  console.log('| export | tasks | time | size | RSS before | peak RSS while streaming |');
  console.log('| --- | ---: | ---: | ---: | ---: | ---: |');
  for (const [name, count, r] of rows)
    console.log(
      `| ${name} | ${count.toLocaleString('en')} | ${(r.ms / 1000).toFixed(2)} s | ${(r.bytes / 1e6).toFixed(1)} MB | ${r.before.toFixed(0)} MB | ${r.peak.toFixed(0)} MB |`,
    );
  const peakOf = (name, count) => rows.find(([n, c]) => n === name && c === count)[2].peak;
  for (const [name] of exports)
    console.log(
      `${name}: peak RSS for ${LARGE.toLocaleString('en')} tasks is ${(peakOf(name, LARGE) - peakOf(name, SMALL)).toFixed(0)} MB above 1,000 tasks'`,
    );
  console.log(`API peak RSS over the whole run (VmHWM): ${rssMb(api.pid).peak.toFixed(0)} MB`);
} finally {
  api.kill('SIGTERM');
  await sleep(300);
  rmSync(dataDir, { recursive: true, force: true });
}
