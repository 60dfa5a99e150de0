import { randomBytes } from 'node:crypto';
import { createReadStream, createWriteStream, mkdirSync } from 'node:fs';
import { rename, stat, unlink } from 'node:fs/promises';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { type FileContent, FileStorage } from '@primetrade/domain';

/** Keys are server-generated ids; anything else is refused before it gets near a path. */
const KEY = /^[A-Za-z0-9][A-Za-z0-9_-]{0,127}$/;

export function assertStorageKey(key: string): string {
  if (!KEY.test(key)) throw new Error('invalid storage key');
  return key;
}

/**
 * Attachment content as files in one directory (embedded mode: DATA_DIR/attachments). A write
 * goes to a temporary file that is renamed into place only when the content is complete, so a
 * cut-off upload never leaves a partial file under its key.
 */
export class FilesystemFileStorage extends FileStorage {
  constructor(readonly directory: string) {
    super();
    mkdirSync(directory, { recursive: true, mode: 0o700 });
  }

  pathOf(key: string): string {
    return join(this.directory, `${assertStorageKey(key)}.bin`);
  }

  async write(key: string, content: FileContent): Promise<void> {
    const target = this.pathOf(key);
    const temporary = join(this.directory, `.${key}.${randomBytes(6).toString('hex')}.part`);
    try {
      await pipeline(Readable.from(content, { objectMode: false }), createWriteStream(temporary, { flags: 'wx', mode: 0o600 }));
      await rename(temporary, target);
    } catch (error) {
      await unlink(temporary).catch(() => undefined);
      throw error;
    }
  }

  async read(key: string): Promise<FileContent | null> {
    const path = this.pathOf(key);
    try {
      await stat(path);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
      throw error;
    }
    return createReadStream(path);
  }

  async delete(key: string): Promise<void> {
    try {
      await unlink(this.pathOf(key));
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
    }
  }
}
