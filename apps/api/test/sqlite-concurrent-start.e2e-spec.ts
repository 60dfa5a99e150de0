import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import Database from 'better-sqlite3';

// Processes that open a new SQLite file at the same moment (an API and a worker started together,
// the soak's three) each run the migrations; none may fail because another got there first.
const DIST = resolve(__dirname, '../../../dist/server/libs/infrastructure/src/sqlite/database/sqlite-database');

function open(file: string): Promise<{ code: number | null; stderr: string }> {
  const script = `new (require(${JSON.stringify(DIST)}).SqliteDatabase)({ file: ${JSON.stringify(file)} }).close();`;
  const child = spawn(process.execPath, ['-e', script], { stdio: ['ignore', 'ignore', 'pipe'] });
  let stderr = '';
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  return new Promise((done) => child.on('exit', (code) => done({ code, stderr })));
}

describe('SQLite migrations when several processes start at once', () => {
  const dir = mkdtempSync(join(tmpdir(), 'primetrade-concurrent-start-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  const versionsOf = (file: string): number[] => {
    const db = new Database(file, { readonly: true });
    try {
      return db.prepare('SELECT version FROM schema_migrations ORDER BY version').pluck().all() as number[];
    } finally {
      db.close();
    }
  };
  let steps: number[];
  beforeAll(async () => {
    const alone = join(dir, 'alone.sqlite');
    expect((await open(alone)).code).toBe(0);
    steps = versionsOf(alone);
    expect(steps.length).toBeGreaterThan(20);
  });

  it.each([1, 2, 3])('four processes on a new file all start, and every step is applied once (round %i)', async (round) => {
    const file = join(dir, `round-${round}.sqlite`);
    const results = await Promise.all([1, 2, 3, 4].map(() => open(file)));
    expect(results.map((r) => (r.code === 0 ? 'started' : r.stderr))).toEqual(['started', 'started', 'started', 'started']);
    expect(versionsOf(file)).toEqual(steps);
  });
});
