import { chmodSync, copyFileSync, existsSync, mkdirSync, readdirSync, renameSync, rmSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import Database from 'better-sqlite3';

/** Where the embedded store keeps its data (the app's DATA_DIR layout). */
export interface SqliteStoreFiles {
  databaseFile: string;
  attachmentsDirectory: string;
}

export interface BackupReport {
  databaseFile: string;
  attachmentsDirectory: string;
  tasks: number;
  attachments: number;
  files: number;
  /** Attachment rows of the snapshot whose file was deleted before it could be copied. */
  filesGone: number;
  ms: number;
}

export interface RestoreReport {
  tasks: number;
  attachments: number;
  /** Attachment rows dropped because the backup has no file for them (deleted during the backup). */
  rowsWithoutFile: number;
  /** Where the data that was there before was moved (nothing is deleted). */
  previous?: string;
}

/** The attachments folder that goes with a backup file: `<file>.attachments/` next to it. */
export const attachmentsOfBackup = (file: string): string => `${file}.attachments`;

const count = (db: Database.Database, table: string): number => (db.prepare(`SELECT COUNT(*) AS n FROM ${table}`).get() as { n: number }).n;

function fileKeysOf(db: Database.Database): string[] {
  return (db.prepare('SELECT id FROM attachments').all() as { id: string }[]).map((row) => row.id);
}

/**
 * A consistent copy of the embedded store while the app serves writes: SQLite's online backup
 * API copies the database as of one moment (one step, one read transaction, so writers carry on
 * and never restart it), then the attachment files its rows name are copied next to it. Files are
 * written before their row and deleted after it, so every row of the snapshot has its file unless
 * the attachment was deleted while the backup ran (counted, and dropped again on restore).
 */
export async function backupSqliteStore(store: SqliteStoreFiles, target: string): Promise<BackupReport> {
  const started = Date.now();
  if (existsSync(target)) throw new Error(`${target} exists; choose a new file name`);
  mkdirSync(dirname(target), { recursive: true, mode: 0o700 });
  const source = new Database(store.databaseFile, { fileMustExist: true });
  try {
    source.pragma('busy_timeout = 5000');
    await source.backup(target, { progress: () => 1 << 30 });
  } finally {
    source.close();
  }
  chmodSync(target, 0o600);
  const copy = new Database(target, { readonly: true });
  try {
    const folder = attachmentsOfBackup(target);
    mkdirSync(folder, { recursive: true, mode: 0o700 });
    let files = 0;
    let filesGone = 0;
    for (const key of fileKeysOf(copy)) {
      const from = join(store.attachmentsDirectory, `${key}.bin`);
      try {
        copyFileSync(from, join(folder, `${key}.bin`));
        files++;
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
        filesGone++;
      }
    }
    return {
      databaseFile: target,
      attachmentsDirectory: folder,
      tasks: count(copy, 'tasks'),
      attachments: count(copy, 'attachments'),
      files,
      filesGone,
      ms: Date.now() - started,
    };
  } finally {
    copy.close();
  }
}

/** Whether a process relays events on this store right now (its lease has not run out): the app runs. */
function storeInUse(databaseFile: string): boolean {
  if (!existsSync(databaseFile)) return false;
  const db = new Database(databaseFile, { readonly: true, fileMustExist: true });
  try {
    const lease = db.prepare("SELECT until FROM outbox_lease WHERE name = 'relay'").get() as { until: number } | undefined;
    return !!lease && lease.until > Date.now();
  } catch {
    return false; // an older file without the table
  } finally {
    db.close();
  }
}

/**
 * Puts a backup in place of the store (the app must be stopped). The backup is checked first
 * (`PRAGMA integrity_check`), rows without a file are dropped from the restored copy, and what
 * was there before is moved aside, not deleted.
 */
export function restoreSqliteStore(backup: string, store: SqliteStoreFiles, options: { force?: boolean } = {}): RestoreReport {
  if (!existsSync(backup)) throw new Error(`no backup at ${backup}`);
  if (!options.force && storeInUse(store.databaseFile)) {
    throw new Error('the app is running on this store (its event relay holds a lease): stop it first, or pass --force');
  }
  const staging = `${store.databaseFile}.restoring`;
  rmSync(staging, { force: true });
  mkdirSync(dirname(store.databaseFile), { recursive: true, mode: 0o700 });
  copyFileSync(backup, staging);
  chmodSync(staging, 0o600);
  const folder = attachmentsOfBackup(backup);
  const db = new Database(staging);
  let report: RestoreReport;
  try {
    const check = db.pragma('integrity_check', { simple: true });
    if (check !== 'ok') throw new Error(`the backup is damaged: integrity_check says ${String(check)}`);
    const present = new Set(existsSync(folder) ? readdirSync(folder).map((name) => basename(name, '.bin')) : []);
    const missing = fileKeysOf(db).filter((key) => !present.has(key));
    const drop = db.prepare('DELETE FROM attachments WHERE id = ?');
    db.transaction(() => missing.forEach((key) => drop.run(key)))();
    db.pragma('journal_mode = DELETE'); // one self-contained file
    report = { tasks: count(db, 'tasks'), attachments: count(db, 'attachments'), rowsWithoutFile: missing.length };
  } catch (error) {
    db.close();
    rmSync(staging, { force: true });
    throw error;
  }
  db.close();

  const stamp = new Date().toISOString().replace(/[:.]/g, '-');
  const previous = join(dirname(store.databaseFile), `before-restore-${stamp}`);
  let moved = false;
  for (const path of [store.databaseFile, `${store.databaseFile}-wal`, `${store.databaseFile}-shm`, store.attachmentsDirectory]) {
    if (!existsSync(path)) continue;
    mkdirSync(previous, { recursive: true, mode: 0o700 });
    renameSync(path, join(previous, basename(path)));
    moved = true;
  }
  renameSync(staging, store.databaseFile);
  mkdirSync(store.attachmentsDirectory, { recursive: true, mode: 0o700 });
  if (existsSync(folder)) {
    for (const name of readdirSync(folder)) {
      copyFileSync(join(folder, name), join(store.attachmentsDirectory, name));
      chmodSync(join(store.attachmentsDirectory, name), 0o600);
    }
  }
  return { ...report, previous: moved ? previous : undefined };
}
