import type { MongoDocument, MongoSort } from '../connection/mongo-query.types';

/** The hot collection's index of completed tasks by last change (task.schema.ts), across owners. */
export const ARCHIVE_CANDIDATES_INDEX = 'completed_updatedAt';

export interface ArchiveCandidatesQuery {
  filter: MongoDocument;
  sort: MongoSort;
  limit: number;
  hint: string;
}

/**
 * Tasks due for the archive: completed, and unchanged (so completed too) before the cutoff, the
 * longest-unchanged first. Each is then moved only at the version read (taskVersionFilter), so one
 * edited or reopened since is left hot.
 */
export function archiveCandidatesQuery(cutoff: Date, limit: number): ArchiveCandidatesQuery {
  return {
    filter: { status: 'completed', completedAt: { $lt: cutoff }, updatedAt: { $lt: cutoff } },
    sort: { updatedAt: 1 },
    limit,
    hint: ARCHIVE_CANDIDATES_INDEX,
  };
}

/** One owner's archived tasks: a range of the owner prefix of the archive's list indexes. */
export function archivedByOwnerFilter(ownerId: string): MongoDocument {
  return { owner: ownerId };
}
