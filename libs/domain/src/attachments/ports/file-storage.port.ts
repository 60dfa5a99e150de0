/** Bytes of a file, as they arrive or as they are read back. */
export type FileContent = AsyncIterable<Uint8Array>;

/** Where attachment content lives, keyed by server-generated ids. */
export abstract class FileStorage {
  /**
   * Stores `content` under `key`. All or nothing: when the content fails (for example a size
   * limit thrown while it streams) or the store does, nothing remains under the key and the
   * error is rethrown.
   */
  abstract write(key: string, content: FileContent): Promise<void>;
  /** The stored bytes, or null when there is nothing under the key. */
  abstract read(key: string): Promise<FileContent | null>;
  /** Idempotent: deleting a missing key is not an error. */
  abstract delete(key: string): Promise<void>;
}
