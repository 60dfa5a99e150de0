import type { MongoDocument } from '../connection/mongo-query.types';

/**
 * GridFS keeps each attachment's content as one or more *versions*: files whose `filename` is
 * the attachment id (the storage key). The first is stored under `_id` = the key; a re-seal by
 * key rotation writes a new file (`_id` = `<key>_r<time>`) and only then deletes the older ones
 * — new file, then switch — so at every moment one complete version exists, whatever is killed
 * when. A reader takes the newest complete file; a file appears only once all its chunks are in.
 */
export interface GridFsFileDoc {
  _id: string;
  filename: string;
  uploadDate: Date;
  length?: number;
}

/** The versions of one attachment's content, newest first (served by GridFS's filename_1_uploadDate_1 index). */
export function versionsOfQuery(key: string): { filter: MongoDocument; sort: MongoDocument } {
  return { filter: { filename: key }, sort: { uploadDate: -1, _id: -1 } };
}

/** The id of a new version written at `at` (ids sort after the first version's). */
export const versionId = (key: string, at: Date): string => `${key}_r${at.getTime().toString(36)}`;

/** Versions of a key other than the current one (`keep`), to delete once the switch is done. */
export function supersededQuery(key: string, keep: string): MongoDocument {
  return { filename: key, _id: { $ne: keep } };
}

/** Files uploaded before `before`, in `_id` order after `after`: the orphan sweeper's batches. */
export function sweepBatchQuery(before: Date, after: string | null): MongoDocument {
  return after === null ? { uploadDate: { $lt: before } } : { uploadDate: { $lt: before }, _id: { $gt: after } };
}

/**
 * Which of these files to delete: versions whose attachment row is gone (an upload whose row was
 * never saved, a delete that died between row and file) and versions superseded by a newer one.
 * Only files older than the grace period are ever passed in (an upload in flight has no row yet).
 */
export function filesToSweep(
  files: readonly GridFsFileDoc[],
  knownKeys: ReadonlySet<string>,
  newestOf: ReadonlyMap<string, string>,
): string[] {
  return files
    .filter((f) => !knownKeys.has(f.filename) || (newestOf.has(f.filename) && newestOf.get(f.filename) !== f._id))
    .map((f) => f._id);
}
