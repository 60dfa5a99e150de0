import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { type FileContent, FileStorage } from '@primetrade/domain';
import { type Connection, mongo } from 'mongoose';
import { mongoCall } from '../connection/mongo.errors';
import { assertStorageKey } from '../../core/attachments/filesystem-file-storage';
import { type GridFsFileDoc, supersededQuery, versionsOfQuery } from './gridfs-versions';

export const ATTACHMENTS_BUCKET = 'attachments';

/**
 * Attachment content in GridFS (production). The storage key is the file name; the first
 * version's file id is the key too (see gridfs-versions.ts for re-sealed versions). A failed or
 * cut-off write is aborted, which removes the chunks written so far.
 */
export class GridFsFileStorage extends FileStorage {
  constructor(private readonly connection: Connection) {
    super();
  }

  bucket(): mongo.GridFSBucket {
    if (!this.connection.db) throw new Error('MongoDB connection is not open');
    return new mongo.GridFSBucket(this.connection.db, { bucketName: ATTACHMENTS_BUCKET });
  }

  write(key: string, content: FileContent): Promise<void> {
    return mongoCall(() => this.writeVersion(key, assertStorageKey(key), content));
  }

  /** Writes one version of `key` under the file id `id` (all chunks, then the file document). */
  async writeVersion(key: string, id: string, content: FileContent): Promise<void> {
    const upload = this.bucket().openUploadStreamWithId(id as never, key);
    try {
      await pipeline(Readable.from(content, { objectMode: false }), upload);
    } catch (error) {
      await upload.abort().catch(() => undefined);
      throw error;
    }
  }

  /** The newest complete version of `key`, or null. */
  async current(key: string): Promise<GridFsFileDoc | null> {
    const { filter, sort } = versionsOfQuery(assertStorageKey(key));
    const [found] = await this.bucket()
      .find(filter as never, { sort: sort as never, limit: 1 })
      .toArray();
    return (found as unknown as GridFsFileDoc | undefined) ?? null;
  }

  read(key: string): Promise<FileContent | null> {
    return mongoCall(async () => {
      const found = await this.current(key);
      return found ? this.bucket().openDownloadStream(found._id as never) : null;
    });
  }

  /** Deletes every version but `keep` (after a switch), or every version. */
  async deleteVersions(key: string, keep?: string): Promise<void> {
    const bucket = this.bucket();
    const filter = keep === undefined ? versionsOfQuery(key).filter : supersededQuery(key, keep);
    for (const file of await bucket.find(filter as never).toArray()) {
      try {
        await bucket.delete(file._id);
      } catch (error) {
        if (!/FileNotFound|File not found/i.test((error as Error).message)) throw error;
      }
    }
  }

  delete(key: string): Promise<void> {
    return mongoCall(() => this.deleteVersions(assertStorageKey(key)));
  }
}
