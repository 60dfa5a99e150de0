import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { type FileContent, FileStorage } from '@primetrade/domain';
import { type Connection, mongo } from 'mongoose';
import { mongoCall } from '../connection/mongo.errors';
import { assertStorageKey } from '../../core/attachments/filesystem-file-storage';

export const ATTACHMENTS_BUCKET = 'attachments';

/**
 * Attachment content in GridFS (production). The file id is the storage key. A failed or
 * cut-off write is aborted, which removes the chunks written so far.
 */
export class GridFsFileStorage extends FileStorage {
  constructor(private readonly connection: Connection) {
    super();
  }

  private bucket(): mongo.GridFSBucket {
    if (!this.connection.db) throw new Error('MongoDB connection is not open');
    return new mongo.GridFSBucket(this.connection.db, { bucketName: ATTACHMENTS_BUCKET });
  }

  write(key: string, content: FileContent): Promise<void> {
    return mongoCall(async () => {
      const upload = this.bucket().openUploadStreamWithId(assertStorageKey(key) as never, key);
      try {
        await pipeline(Readable.from(content, { objectMode: false }), upload);
      } catch (error) {
        await upload.abort().catch(() => undefined);
        throw error;
      }
    });
  }

  read(key: string): Promise<FileContent | null> {
    return mongoCall(async () => {
      const bucket = this.bucket();
      const found = await bucket.find({ _id: assertStorageKey(key) } as never, { limit: 1 }).toArray();
      return found.length ? bucket.openDownloadStream(key as never) : null;
    });
  }

  delete(key: string): Promise<void> {
    return mongoCall(async () => {
      try {
        await this.bucket().delete(assertStorageKey(key) as never);
      } catch (error) {
        if (!/FileNotFound|File not found/i.test((error as Error).message)) throw error;
      }
    });
  }
}
