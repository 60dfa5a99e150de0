import { readdir, stat, unlink } from 'node:fs/promises';
import { join } from 'node:path';
import { Logger, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { SqliteDatabase } from '../database/sqlite-database';

const STORED = /^([A-Za-z0-9][A-Za-z0-9_-]*)\.bin$/;
const PARTIAL = /^\..+\.part$/;
const BATCH = 500;

export interface OrphanSweepSettings {
  /** Files younger than this are never touched (an upload writes its file before its row). */
  graceMs: number;
  /** How often the sweep runs in the app (the first run a minute after start). */
  intervalMs: number;
}

export const DEFAULT_ORPHAN_SWEEP: OrphanSweepSettings = { graceMs: 3_600_000, intervalMs: 3_600_000 };

/**
 * Deletes attachment files no row names: an upload stores its file, then its row, so a process
 * killed in between leaves a file nothing refers to (and a cut-off write a `.part` file). Runs
 * in every process (deleting is idempotent), an hour apart, on files older than the grace period.
 */
export class SqliteOrphanFileSweeper implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger('AttachmentSweeper');
  private first?: NodeJS.Timeout;
  private timer?: NodeJS.Timeout;

  constructor(
    private readonly sqlite: SqliteDatabase,
    private readonly directory: string,
    private readonly settings: OrphanSweepSettings = DEFAULT_ORPHAN_SWEEP,
  ) {}

  onApplicationBootstrap(): void {
    const run = () => {
      this.sweep(new Date()).then(
        (n) => n > 0 && this.logger.log(`deleted ${n} attachment file(s) no row refers to`),
        (error: Error) => this.logger.warn(`attachment sweep failed (tries again later): ${error.message}`),
      );
    };
    this.first = setTimeout(run, 60_000);
    this.first.unref();
    this.timer = setInterval(run, this.settings.intervalMs);
    this.timer.unref();
  }

  onApplicationShutdown(): void {
    clearTimeout(this.first);
    clearInterval(this.timer);
  }

  /** One sweep; returns how many files it deleted. */
  async sweep(now: Date): Promise<number> {
    let names: string[];
    try {
      names = await readdir(this.directory);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return 0;
      throw error;
    }
    const before = now.getTime() - this.settings.graceMs;
    const old = async (name: string) => {
      try {
        return (await stat(join(this.directory, name))).mtimeMs < before;
      } catch {
        return false; // gone meanwhile
      }
    };
    let deleted = 0;
    const remove = async (name: string) => {
      try {
        await unlink(join(this.directory, name));
        deleted++;
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
      }
    };
    for (const name of names) if (PARTIAL.test(name) && (await old(name))) await remove(name);
    const stored = names.filter((name) => STORED.test(name));
    for (let i = 0; i < stored.length; i += BATCH) {
      const batch = stored.slice(i, i + BATCH);
      const ids = batch.map((name) => (STORED.exec(name) as RegExpExecArray)[1] as string);
      const known = new Set(
        (
          this.sqlite.db.prepare(`SELECT id FROM attachments WHERE id IN (${ids.map(() => '?').join(', ')})`).all(...ids) as {
            id: string;
          }[]
        ).map((r) => r.id),
      );
      for (const [k, name] of batch.entries()) if (!known.has(ids[k] as string) && (await old(name))) await remove(name);
    }
    return deleted;
  }
}
