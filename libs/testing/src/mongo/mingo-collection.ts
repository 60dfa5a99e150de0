import { aggregate, find, updateMany, updateOne } from 'mingo';
import type { MongoDocument, MongoSort } from './mongo-documents';

/**
 * Test-only: runs the adapter's query documents with mingo over an in-memory array of stored
 * records, with the driver's call shapes (find → sort → limit, aggregate, updateOne/Many, deleteMany).
 */
export class MingoCollection<T extends object> {
  constructor(readonly docs: T[]) {}

  find(filter: MongoDocument, sort?: MongoSort, limit?: number): T[] {
    let cursor = find(this.raw(), filter);
    if (sort) cursor = cursor.sort(sort);
    if (limit !== undefined) cursor = cursor.limit(limit);
    return cursor.all() as unknown as T[];
  }

  aggregate<R>(pipeline: MongoDocument[]): R[] {
    return aggregate(this.raw(), pipeline) as unknown as R[];
  }

  updateOne(filter: MongoDocument, update: MongoDocument): { matchedCount: number } {
    return updateOne(this.raw(), filter, update);
  }

  updateMany(filter: MongoDocument, update: MongoDocument): { matchedCount: number } {
    return updateMany(this.raw(), filter, update);
  }

  /** Removes the matching records in place, as the driver's deleteMany does. */
  deleteMany(filter: MongoDocument): { deletedCount: number } {
    const gone = new Set(find(this.raw(), filter).all());
    const kept = this.raw().filter((doc) => !gone.has(doc));
    const deletedCount = this.docs.length - kept.length;
    this.docs.splice(0, this.docs.length, ...(kept as unknown as T[]));
    return { deletedCount };
  }

  /** Stored records are plain objects; mingo types them as index-signature records. */
  private raw(): Record<string, unknown>[] {
    return this.docs as unknown as Record<string, unknown>[];
  }
}
