// Cost of the task text search (`q`) with ENCRYPT_TASK_CONTENT on vs off (not a test), measured in
// one run on the built SQLite adapters: one owner with 1 k and with 100 k tasks, the same rows
// stored twice — plaintext (search in SQL) and sealed (decrypt-and-filter in the process).
//
//   npx nx run api:build && node apps/api/bench/search-cost.mjs
//
// SEARCH_BENCH_SIZES=1000,100000 and SEARCH_BENCH_RUNS=5 change the sizes and repetitions.
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const require = createRequire(import.meta.url);
const dist = (path) => require(join(process.cwd(), 'dist/server/libs', path));
const { Task } = dist('domain/src/index.js');
const { SqliteDatabase } = dist('infrastructure/src/persistence/sqlite/sqlite-database.js');
const { SqliteTaskRepository } = dist('infrastructure/src/persistence/sqlite/sqlite-task.repository.js');
const { SqliteTaskReadModel } = dist('infrastructure/src/persistence/sqlite/sqlite-task-read-model.js');
const { TaskContentSealer } = dist('infrastructure/src/persistence/task-content/task-content-sealer.js');
const { AesGcmContentCipher } = dist('infrastructure/src/security/aes-gcm-content-cipher.js');

const SIZES = (process.env.SEARCH_BENCH_SIZES ?? '1000,100000').split(',').map(Number);
const RUNS = Number(process.env.SEARCH_BENCH_RUNS ?? 5);
const OWNER = 'bench-owner';
const LIMIT = 20; // the API's default page size
const START = Date.parse('2026-01-01T00:00:00Z');
const cipher = new AesGcmContentCipher({ keys: new Map([['k1', randomBytes(32)]]), activeKeyId: 'k1', blindIndexKey: randomBytes(32) });

// Words by how often they occur: every task, 1 task in 1 000, none.
const QUERIES = [
  { name: 'common (every task)', q: 'errand' },
  { name: 'rare (1 in 1 000)', q: 'zephyr' },
  { name: 'absent (no match)', q: 'quokka' },
];

function makeTask(i) {
  const task = Task.create({
    id: `t${String(i).padStart(7, '0')}`,
    ownerId: OWNER,
    title: i % 1000 === 500 ? `Errand ${i}: call Zephyr` : `Errand ${i}`,
    description: `Notes for errand ${i}, with a few more words to read`,
    priority: ['low', 'medium', 'high', 'urgent'][i % 4],
    tags: i % 3 === 0 ? ['work'] : [],
    now: new Date(START + i * 1000),
  });
  task.pullEvents();
  return Task.restore(task.toProps());
}

async function fill(sqlite, content, size) {
  const repo = new SqliteTaskRepository(sqlite, content);
  // better-sqlite3 is synchronous: insert() runs to completion inside the outer transaction.
  for (let from = 0; from < size; from += 5000) {
    sqlite.db.transaction(() => {
      for (let i = from; i < Math.min(size, from + 5000); i++) void repo.insert(makeTask(i));
    })();
  }
}

/** Median milliseconds per query over RUNS runs (after one warm-up), and the number found. */
async function time(reader, criteria) {
  const request = { criteria: { ...criteria, now: new Date() }, sort: 'createdAt', order: 'desc', after: null, limit: LIMIT };
  const found = (await reader.list(OWNER, request)).length;
  const samples = [];
  for (let r = 0; r < RUNS; r++) {
    const t0 = process.hrtime.bigint();
    await reader.list(OWNER, request);
    samples.push(Number(process.hrtime.bigint() - t0) / 1e6);
  }
  samples.sort((a, b) => a - b);
  return { ms: samples[Math.floor(samples.length / 2)], found };
}

const dir = mkdtempSync(join(tmpdir(), 'primetrade-search-bench-'));
const rows = [];
try {
  for (const size of SIZES) {
    const stores = {};
    for (const [mode, content] of [
      ['off', new TaskContentSealer(cipher, false)],
      ['on', new TaskContentSealer(cipher, true)],
    ]) {
      const sqlite = new SqliteDatabase({ file: join(dir, `${mode}-${size}.sqlite`) });
      await fill(sqlite, content, size);
      stores[mode] = { sqlite, reader: new SqliteTaskReadModel(sqlite, content) };
    }
    const cases = [
      { name: 'no q (plain list)', criteria: {} },
      ...QUERIES.map((query) => ({ name: `q: ${query.name}`, criteria: { q: query.q } })),
      { name: 'q: rare, with tag=work', criteria: { q: 'zephyr', tag: 'work' } },
    ];
    for (const c of cases) {
      const off = await time(stores.off.reader, c.criteria);
      const on = await time(stores.on.reader, c.criteria);
      if (off.found !== on.found) throw new Error(`${c.name}: ${off.found} found with encryption off, ${on.found} with it on`);
      rows.push({
        tasks: size,
        query: c.name,
        found: on.found,
        'off ms': off.ms.toFixed(2),
        'on ms': on.ms.toFixed(2),
        'on/off': (on.ms / off.ms).toFixed(1),
      });
    }
    for (const store of Object.values(stores)) store.sqlite.close();
  }
} finally {
  rmSync(dir, { recursive: true, force: true });
}
console.log(`q-search cost, one owner, page of ${LIMIT}, sort createdAt desc, median of ${RUNS} (Node ${process.version})`);
console.table(rows);
