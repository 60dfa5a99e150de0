import { AsyncLocalStorage } from 'node:async_hooks';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import { SqliteDatabase } from './sqlite-database';

describe('SqliteWriteBatch (group commit)', () => {
  let dir: string;
  let sqlite: SqliteDatabase;
  let reader: SqliteDatabase; // a second connection: sees only what is committed
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'write-batch-'));
    sqlite = new SqliteDatabase({ file: join(dir, 'db.sqlite') });
    sqlite.db.exec('CREATE TABLE t (id INTEGER PRIMARY KEY, v TEXT NOT NULL)');
    reader = new SqliteDatabase({ file: join(dir, 'db.sqlite') });
  });
  afterEach(() => {
    reader.close();
    sqlite.close();
    rmSync(dir, { recursive: true, force: true });
  });

  const insert =
    (id: number, v = 'x') =>
    () =>
      sqlite.statement('INSERT INTO t (id, v) VALUES (?, ?)').run(id, v).changes;
  const ids = () => (sqlite.db.prepare('SELECT id FROM t ORDER BY id').all() as { id: number }[]).map((r) => r.id);

  it('commits the writes started in one turn together, in one transaction', async () => {
    const committedBefore: number[] = [];
    const writes = [1, 2, 3].map((id) =>
      sqlite.writes.run(() => {
        committedBefore.push(reader.db.prepare('SELECT COUNT(*) AS n FROM t').pluck().get() as number);
        return insert(id)();
      }),
    );
    expect(ids()).toEqual([]); // nothing runs before the batch
    await expect(Promise.all(writes)).resolves.toEqual([1, 1, 1]);
    // No write of the batch was committed while the others ran: one transaction, one commit.
    expect(committedBefore).toEqual([0, 0, 0]);
    expect(reader.db.prepare('SELECT id FROM t ORDER BY id').pluck().all()).toEqual([1, 2, 3]);
  });

  it('rolls back a failing write alone and rejects only its promise', async () => {
    const results = await Promise.allSettled([
      sqlite.writes.run(insert(1)),
      sqlite.writes.run(() => {
        insert(2)();
        insert(1)(); // primary-key clash: the whole write, its first insert included, rolls back
      }),
      sqlite.writes.run(insert(3)),
    ]);
    expect(results.map((r) => r.status)).toEqual(['fulfilled', 'rejected', 'fulfilled']);
    expect((results[1] as PromiseRejectedResult).reason).toMatchObject({ code: 'SQLITE_CONSTRAINT_PRIMARYKEY' });
    expect(ids()).toEqual([1, 3]);
  });

  it("runs each write in its caller's async context", async () => {
    const context = new AsyncLocalStorage<string>();
    const seen = await Promise.all(['a', 'b'].map((name) => context.run(name, () => sqlite.writes.run(() => context.getStore()))));
    expect(seen).toEqual(['a', 'b']);
  });

  it('rejects every write of a batch whose transaction cannot run', async () => {
    const writes = [sqlite.writes.run(insert(1)), sqlite.writes.run(insert(2))];
    sqlite.close(); // before the batch runs
    for (const write of writes) await expect(write).rejects.toThrow(/not open/);
  });

  it('settles after the commit, so the caller reads its own write', async () => {
    await sqlite.writes.run(insert(7));
    expect(sqlite.db.inTransaction).toBe(false);
    expect(ids()).toEqual([7]);
  });

  it('waits for another process holding the write lock instead of failing a batch that reads before it writes', async () => {
    // A worker thread is another connection, as a second API process would be: it takes the write
    // lock, signals, holds it 300 ms, then commits. A deferred transaction that read first would get
    // SQLITE_BUSY at once on its first write (SQLite does not wait when a reader upgrades).
    const signal = new Int32Array(new SharedArrayBuffer(4));
    const holder = new Worker(
      `const { workerData } = require('node:worker_threads');
       const db = new (require(workerData.driver))(workerData.file);
       db.pragma('busy_timeout = 5000');
       db.exec('BEGIN IMMEDIATE');
       db.prepare("INSERT INTO t (id, v) VALUES (100, 'other process')").run();
       Atomics.store(workerData.signal, 0, 1);
       Atomics.notify(workerData.signal, 0);
       Atomics.wait(workerData.signal, 0, 1, 300);
       db.exec('COMMIT');
       db.close();`,
      { eval: true, workerData: { file: join(dir, 'db.sqlite'), driver: require.resolve('better-sqlite3'), signal } },
    );
    const exited = new Promise((resolve) => holder.once('exit', resolve));
    while (Atomics.load(signal, 0) === 0) await new Promise((resolve) => setTimeout(resolve, 5));

    const write = sqlite.writes.run(() => {
      const before = sqlite.db.prepare('SELECT COUNT(*) AS n FROM t').pluck().get() as number;
      insert(1)();
      return before;
    });
    await expect(write).resolves.toBe(1); // it ran after the other commit, and saw it
    await exited;
    expect(ids()).toEqual([1, 100]);
  });
});
