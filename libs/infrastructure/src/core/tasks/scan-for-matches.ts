export interface ScanOptions<R> {
  /** Wanted matches (the page size). */
  limit: number;
  /** The next rows in sort order, strictly after `last` (null: from the start). */
  fetch(last: R | null, size: number): Promise<R[]>;
  /** Whether a candidate row belongs on the page. */
  matches(row: R): boolean;
}

const FIRST_BATCH = 64;
const MAX_BATCH = 2048;

/**
 * Decrypt-and-filter for a search the store cannot run (encrypted text): walks the candidates the
 * store has already narrowed (owner and the other filters), in the page's sort order, a batch at a
 * time, until `limit` rows match or the candidates run out. Batches start small (a common word
 * fills a page from the first batch) and double, so a rare word costs few round trips.
 */
export async function scanForMatches<R>(options: ScanOptions<R>): Promise<R[]> {
  const found: R[] = [];
  let size = Math.min(MAX_BATCH, Math.max(FIRST_BATCH, options.limit * 2));
  let last: R | null = null;
  for (;;) {
    const rows = await options.fetch(last, size);
    for (const row of rows) {
      if (!options.matches(row)) continue;
      found.push(row);
      if (found.length === options.limit) return found;
    }
    if (rows.length < size) return found;
    last = rows[rows.length - 1];
    size = Math.min(MAX_BATCH, size * 2);
  }
}
