import { AsyncResource } from 'node:async_hooks';
import type Database from 'better-sqlite3';

interface QueuedWrite {
  work: () => unknown;
  /** The caller's async context (not AsyncResource.bind: in Node 20 it builds a deprecation getter per call). */
  context: AsyncResource;
  resolve: (value: unknown) => void;
  reject: (error: unknown) => void;
}

type Outcome = { ok: true; value: unknown } | { ok: false; error: unknown };

/**
 * Group commit: the writes that requests start in one turn of the event loop commit together, in
 * one transaction, each inside its own savepoint, so a write that fails (a version conflict) rolls
 * back alone and the others still commit. A commit is most of the cost of a small write, so under
 * load this multiplies the writes per second; alone, a write waits one `setImmediate`. Each promise
 * settles after the commit, so a caller reads its own write as before. Each write runs in its
 * caller's async context (correlation id, log bindings).
 *
 * BEGIN IMMEDIATE, as every write transaction of the SQLite adapters: a deferred one that reads
 * before it writes fails at once with SQLITE_BUSY_SNAPSHOT when another process (a second API or the
 * worker on the same file) committed in between, where IMMEDIATE waits for the lock (busy_timeout).
 */
export class SqliteWriteBatch {
  private queue: QueuedWrite[] = [];

  constructor(private readonly db: Database.Database) {}

  /**
   * Runs `work` (synchronous SQL) in the next group commit, in a savepoint of its own: all of its
   * statements or none, without a transaction of its own. Settles with its result or error.
   */
  run<T>(work: () => T): Promise<T> {
    return new Promise<T>((resolve, reject) => {
      if (this.queue.length === 0) setImmediate(() => this.flush());
      this.queue.push({ work, context: new AsyncResource('SqliteWriteBatch'), resolve: resolve as (value: unknown) => void, reject });
    });
  }

  private flush(): void {
    const batch = this.queue;
    this.queue = [];
    let outcomes: Outcome[];
    try {
      outcomes = this.db.transaction(() => batch.map((write) => write.context.runInAsyncScope(() => this.attempt(write.work)))).immediate();
    } catch (error) {
      // The commit itself failed (disk full, database locked by another process): nothing was written.
      for (const write of batch) write.reject(error);
      return;
    }
    batch.forEach((write, i) => {
      const outcome = outcomes[i];
      if (outcome.ok) write.resolve(outcome.value);
      else write.reject(outcome.error);
    });
  }

  /** One write in its own savepoint (better-sqlite3 nests a transaction as one). */
  private attempt(work: () => unknown): Outcome {
    try {
      return { ok: true, value: this.db.transaction(work)() };
    } catch (error) {
      return { ok: false, error };
    }
  }
}
