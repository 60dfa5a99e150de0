import { chmodSync, closeSync, existsSync, mkdirSync, openSync } from 'node:fs';
import { dirname } from 'node:path';
import Database from 'better-sqlite3';
import { MIGRATIONS, type Migration } from './migrations';
import { SqliteWriteBatch } from './sqlite-write-batch';

export interface SqliteOptions {
  /** Path of the database file, or ':memory:'. */
  file: string;
}

/**
 * The embedded store's connection: one better-sqlite3 handle per process, in WAL mode so
 * readers never wait for the writer. Statements are prepared once and reused.
 */
export class SqliteDatabase {
  readonly db: Database.Database;
  /** Group commit for the request path's writes (see SqliteWriteBatch). */
  readonly writes: SqliteWriteBatch;
  private readonly statements = new Map<string, Database.Statement>();

  constructor(options: SqliteOptions) {
    if (options.file !== ':memory:') createPrivately(options.file);
    this.db = new Database(options.file);
    this.db.pragma('journal_mode = WAL');
    if (options.file !== ':memory:') restrictSidecars(options.file);
    // NORMAL is durable in WAL mode except for the last commits on power loss, not on a crash.
    this.db.pragma('synchronous = NORMAL');
    this.db.pragma('foreign_keys = ON');
    this.db.pragma('busy_timeout = 5000');
    // Deleted and replaced content is overwritten, not left in free space: an erased account or an
    // edited task leaves no old text readable in the file.
    this.db.pragma('secure_delete = ON');
    // SQLite's lower() and LIKE fold ASCII only; search must be case-insensitive for "Étude" too.
    this.db.function('unicode_lower', { deterministic: true }, (text: unknown) => (typeof text === 'string' ? text.toLowerCase() : text));
    migrate(this.db, MIGRATIONS);
    this.writes = new SqliteWriteBatch(this.db);
  }

  /** A prepared statement, cached by its SQL text (the number of query shapes is bounded). */
  statement(sql: string): Database.Statement {
    let statement = this.statements.get(sql);
    if (!statement) {
      statement = this.db.prepare(sql);
      this.statements.set(sql, statement);
    }
    return statement;
  }

  /** A statement prepared for one use: for SQL whose text varies without bound (filter expressions). */
  transientStatement(sql: string): Database.Statement {
    return this.db.prepare(sql);
  }

  close(): void {
    if (this.db.open) this.db.close();
  }
}

/**
 * The folder (0700) and the database file (0600) are the owner's only: SQLite gives its -wal and
 * -shm files the database file's mode, so they follow. An older install's file is tightened.
 */
function createPrivately(file: string): void {
  mkdirSync(dirname(file), { recursive: true, mode: 0o700 });
  if (existsSync(file)) chmodSync(file, 0o600);
  else closeSync(openSync(file, 'a', 0o600));
}

function restrictSidecars(file: string): void {
  for (const sidecar of [`${file}-wal`, `${file}-shm`]) if (existsSync(sidecar)) chmodSync(sidecar, 0o600);
}

export function migrate(db: Database.Database, migrations: readonly Migration[]): void {
  db.exec(
    'CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at INTEGER NOT NULL) STRICT',
  );
  const applied = new Set((db.prepare('SELECT version FROM schema_migrations').all() as { version: number }[]).map((row) => row.version));
  const isApplied = db.prepare('SELECT 1 FROM schema_migrations WHERE version = ?');
  for (const migration of migrations) {
    if (applied.has(migration.version)) continue;
    // Under the write lock (IMMEDIATE), and only if no other process starting on the same file
    // applied it since this one looked: an API and a worker may open a new file at once.
    db.transaction(() => {
      if (isApplied.get(migration.version)) return;
      db.exec(migration.sql);
      db.prepare('INSERT INTO schema_migrations (version, name, applied_at) VALUES (?, ?, ?)').run(
        migration.version,
        migration.name,
        Date.now(),
      );
    }).immediate();
  }
}

/** A unique-index violation on the given `table.column` (not a primary-key clash). */
export function isUniqueViolation(error: unknown, column: string): boolean {
  const e = error as { code?: string; message?: string } | null;
  return e?.code === 'SQLITE_CONSTRAINT_UNIQUE' && (e.message ?? '').includes(column);
}
