import type { TaskListRequest, TaskView } from '@primetrade/domain';
import { LRUCache } from 'lru-cache';
import type { SqliteDatabase } from '../database/sqlite-database';

/** What a page read gives the cache: the views, and whether they may be kept (no sealed text among them). */
export interface PageRead {
  views: TaskView[];
  keep: boolean;
}

interface CachedPage {
  version: number;
  views: TaskView[];
}

/**
 * Recently served list pages, per owner, kept while the owner's tasks have not changed: a page is
 * served again only if the owner's row in task_list_versions (moved by triggers on every write to
 * the owner's tasks or archive, from any process; migration 23) still holds the number read before
 * the page was. A primary-key lookup instead of the page's query and mapping, for the lists a client
 * reads again and again (the web app's first page after every action, polling dashboards).
 *
 * Reading the version before the page makes a race harmless: a write committed in between leaves a
 * newer page under an older number, which the next read simply misses.
 *
 * The version itself is read once per owner per turn of the event loop, and again whenever this
 * connection has written since (total_changes(), which needs no read transaction): a read
 * transaction takes two fcntl locks on the WAL index, ~10 % of a cached page's cost under load. So
 * this process's own writes are seen at once, another process's from the next turn — a write that
 * lands during a turn is concurrent with the reads of that turn, which may be ordered before it.
 *
 * Pages whose answer depends on the clock (overdue, a filter expression with relative dates) are not
 * kept, nor pages holding text decrypted from sealed rows (ENCRYPT_TASK_CONTENT: plaintext stays out
 * of long-lived memory). The TTL bounds what a change made outside the app's triggers (a restored
 * backup) could leave behind. Cached views are shared between requests, as every TaskView is
 * treated: read, never mutated.
 */
export class SqliteTaskPageCache {
  private readonly pages: LRUCache<string, CachedPage>;
  /** The owners' versions read this turn, valid while total_changes() is `changes`; null between turns. */
  private turn: { changes: number; versions: Map<string, number> } | null = null;

  constructor(
    private readonly sqlite: SqliteDatabase,
    options: { maxPages: number; ttlMs: number },
  ) {
    this.pages = new LRUCache({ max: options.maxPages, ttl: options.ttlMs });
  }

  /** The page `request` asks of `ownerId`'s tasks: from the cache while still current, else from `read`. */
  async page(ownerId: string, request: TaskListRequest, read: () => Promise<PageRead>): Promise<TaskView[]> {
    if (request.criteria.overdue || request.criteria.filter) return (await read()).views;
    const key = `${ownerId}\n${cacheKey(request)}`;
    const version = this.version(ownerId);
    const cached = this.pages.get(key);
    if (cached?.version === version) return cached.views;
    const { views, keep } = await read();
    if (keep) this.pages.set(key, { version, views });
    return views;
  }

  private version(ownerId: string): number {
    const { changes } = this.sqlite.statement('SELECT total_changes() AS changes').get() as { changes: number };
    if (this.turn === null) {
      this.turn = { changes, versions: new Map() };
      setImmediate(() => (this.turn = null));
    } else if (this.turn.changes !== changes) {
      this.turn = { changes, versions: new Map() };
    }
    let version = this.turn.versions.get(ownerId);
    if (version === undefined) {
      const row = this.sqlite.statement('SELECT version FROM task_list_versions WHERE owner_id = ?').get(ownerId) as
        { version: number } | undefined;
      version = row?.version ?? 0;
      this.turn.versions.set(ownerId, version);
    }
    return version;
  }
}

/** Everything that shapes a page but the clock (`now` matters only to the criteria never cached). */
function cacheKey({ criteria: { now: _now, ...criteria }, sort, order, after, limit }: TaskListRequest): string {
  return JSON.stringify([criteria, sort, order, after, limit]);
}
