import { aggregate } from 'mingo';
import type { MongoDocument } from './mongo-documents';

/**
 * Test-only: several named collections of stored records, so that a pipeline's `$lookup` with
 * `from: '<collection name>'` runs with mingo exactly as the adapter sends it.
 */
export class MingoDatabase {
  constructor(private readonly collections: Record<string, object[]>) {}

  aggregate<R>(collection: string, pipeline: MongoDocument[]): R[] {
    const resolve = (name: string) => {
      const docs = this.collections[name];
      if (!docs) throw new Error(`no collection ${name} in this test database`);
      return docs as Record<string, unknown>[];
    };
    return aggregate(resolve(collection), pipeline, { collectionResolver: resolve }) as unknown as R[];
  }
}
