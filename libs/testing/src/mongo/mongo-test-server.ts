import { randomUUID } from 'node:crypto';
import type { Connection } from 'mongoose';

/** The real server the MongoDB suites run against, when one is given. */
export const TEST_MONGODB_URI = process.env['MONGODB_URI'];

/**
 * `describe` against the real server when MONGODB_URI is set; otherwise a loud `skipped:` line and
 * every test registered as skipped (a missing server is never a pass). `database()` opens a fresh
 * database named `primetrade_<label>_test_…` for each call; all are dropped after the suite.
 */
export function describeOnMongoServer(name: string, body: (database: () => Promise<Connection>) => void): void {
  if (!TEST_MONGODB_URI) {
    // Written to stdout directly: Jest drops console output of a file whose tests all skipped.
    process.stdout.write(`skipped: no MongoDB server (set MONGODB_URI) — ${name}\n`);
    describe.skip(name, () => body(async () => Promise.reject(new Error('no MongoDB server'))));
    return;
  }
  const uri = TEST_MONGODB_URI;
  const run = randomUUID().slice(0, 8);
  const names: string[] = [];
  let base: Connection | undefined;
  describe(name, () => {
    afterAll(async () => {
      if (!base) return;
      for (const db of names) await base.useDb(db).dropDatabase();
      await base.close();
    });
    body(async () => {
      // Loaded here, not at import: most specs that use this library never touch MongoDB.
      const { createConnection } = await import('mongoose');
      base ??= await createConnection(uri).asPromise();
      const db = `primetrade_${name.replace(/\W+/g, '_').toLowerCase().slice(0, 20)}_test_${run}_${names.length + 1}`;
      if (!db.includes('_test_')) throw new Error(`refusing to use database ${db}: its name lacks "test"`);
      names.push(db);
      return base.useDb(db, { useCache: false });
    });
  });
}
