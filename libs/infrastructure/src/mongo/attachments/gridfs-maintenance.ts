import { Logger, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import type { ContentCipher } from '@primetrade/domain';
import type { Connection } from 'mongoose';
import { attachmentContext } from '../../core/attachments/encrypted-file-storage';
import type { RotationProgress } from '../../core/security/key-rotation';
import { GridFsFileStorage } from './gridfs-file-storage';
import { filesToSweep, type GridFsFileDoc, sweepBatchQuery, versionId, versionsOfQuery } from './gridfs-versions';

/** What the re-seal and the sweeper need of GridFS and of the attachment rows (GridFS in the app, memory in tests). */
export interface GridFsVersionStore {
  /** Files uploaded before `before`, `_id` order, after `after`. */
  batch(before: Date, after: string | null, limit: number): Promise<GridFsFileDoc[]>;
  /** The newest complete version of each of these keys. */
  newest(keys: readonly string[]): Promise<Map<string, string>>;
  /** Which of these attachment ids still have their row. */
  knownKeys(keys: readonly string[]): Promise<Set<string>>;
  readVersion(id: string): Promise<Buffer>;
  writeVersion(key: string, id: string, bytes: Uint8Array): Promise<void>;
  deleteFile(id: string): Promise<void>;
}

const BATCH = 200;

/**
 * Re-seals attachment content under the active key, new file then switch: the new version is
 * written completely (a new file id, same file name), and only then are the older versions
 * deleted. Killed at any point, the attachment still reads: before the switch from the old
 * version, after it from the new one; a leftover older version is removed by the next run or by
 * the sweeper. A version written for an attachment deleted meanwhile is an orphan the sweeper
 * removes (no row).
 */
export async function resealGridFs(
  store: GridFsVersionStore,
  cipher: ContentCipher,
  now: () => Date,
  progress: RotationProgress,
  onBatch?: (p: RotationProgress) => void,
): Promise<void> {
  const started = now();
  let after: string | null = null;
  for (;;) {
    const files = await store.batch(new Date(started.getTime() + 1), after, BATCH);
    if (files.length === 0) break;
    after = files[files.length - 1]._id;
    const newest = await store.newest([...new Set(files.map((f) => f.filename))]);
    for (const file of files) {
      if (newest.get(file.filename) !== file._id) continue; // superseded: the sweeper's
      progress.files.scanned++;
      const sealed = await store.readVersion(file._id);
      if (cipher.keyIdOf(sealed) === cipher.activeKeyId) continue;
      const plaintext = cipher.open(sealed, attachmentContext(file.filename));
      const id = versionId(file.filename, now());
      await store.writeVersion(file.filename, id, cipher.seal(plaintext, attachmentContext(file.filename)));
      await store.deleteFile(file._id); // the switch is done: the new version is the newest
      progress.files.resealed++;
    }
    onBatch?.(progress);
  }
}

/**
 * Deletes GridFS files older than `graceMs` that no attachment row names (an upload whose row
 * was never saved because the process died, a resurrected re-seal) and versions superseded by a
 * newer one. Returns how many files it deleted.
 */
export async function sweepGridFs(store: GridFsVersionStore, now: Date, graceMs: number): Promise<number> {
  let after: string | null = null;
  let deleted = 0;
  for (;;) {
    const files = await store.batch(new Date(now.getTime() - graceMs), after, BATCH);
    if (files.length === 0) break;
    after = files[files.length - 1]._id;
    const keys = [...new Set(files.map((f) => f.filename))];
    const [known, newest] = await Promise.all([store.knownKeys(keys), store.newest(keys)]);
    for (const id of filesToSweep(files, known, newest)) {
      await store.deleteFile(id);
      deleted++;
    }
  }
  return deleted;
}

/** The GridFS implementation of the store, on the app's connection. */
export function gridFsVersionStore(connection: Connection): GridFsVersionStore {
  const storage = new GridFsFileStorage(connection);
  const files = () => storage.bucket().find.bind(storage.bucket());
  return {
    async batch(before, after, limit) {
      return (await files()(sweepBatchQuery(before, after) as never, { sort: { _id: 1 }, limit }).toArray()) as unknown as GridFsFileDoc[];
    },
    async newest(keys) {
      const result = new Map<string, string>();
      for (const key of keys) {
        const { filter, sort } = versionsOfQuery(key);
        const [top] = await files()(filter as never, { sort: sort as never, limit: 1 }).toArray();
        if (top) result.set(key, top._id as unknown as string);
      }
      return result;
    },
    async knownKeys(keys) {
      if (!connection.db) throw new Error('MongoDB connection is not open');
      const rows = await connection.db
        .collection('attachments')
        .find({ _id: { $in: [...keys] } } as never, { projection: { _id: 1 } })
        .toArray();
      return new Set(rows.map((r) => r._id as unknown as string));
    },
    async readVersion(id) {
      const parts: Buffer[] = [];
      for await (const part of storage.bucket().openDownloadStream(id as never)) parts.push(part as Buffer);
      return Buffer.concat(parts);
    },
    writeVersion: (key, id, bytes) =>
      storage.writeVersion(
        key,
        id,
        (async function* () {
          yield bytes;
        })(),
      ),
    async deleteFile(id) {
      try {
        await storage.bucket().delete(id as never);
      } catch (error) {
        if (!/FileNotFound|File not found/i.test((error as Error).message)) throw error;
      }
    },
  };
}

/** Runs sweepGridFs in the app: a minute after start, then hourly, on files older than an hour. */
export class GridFsOrphanSweeper implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger('AttachmentSweeper');
  private first?: NodeJS.Timeout;
  private timer?: NodeJS.Timeout;

  constructor(
    private readonly store: GridFsVersionStore,
    private readonly settings = { graceMs: 3_600_000, intervalMs: 3_600_000 },
  ) {}

  onApplicationBootstrap(): void {
    const run = () => {
      sweepGridFs(this.store, new Date(), this.settings.graceMs).then(
        (n) => n > 0 && this.logger.log(`deleted ${n} GridFS file(s) no attachment refers to or superseded`),
        (error: Error) => this.logger.warn(`GridFS sweep failed (tries again later): ${error.message}`),
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
}
