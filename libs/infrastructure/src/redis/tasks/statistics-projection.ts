import { DUE_SOON_WINDOW_MS, emptyTaskStats, TASK_PRIORITIES, TASK_STATUSES, type TaskStats, UserRegistered } from '@primetrade/domain';
import type { Redis } from 'ioredis';
import type { RedisSettings } from '../connection/redis-connection';
import type { EventEnvelope } from '../events/event-envelope';
import { statsDelta } from './stats-delta';

const DONE_TTL_SECONDS = 7 * 24 * 3600;

// Idempotent on the event id; counters commute; the due-set entry of a task follows the newest
// event (by per-owner seq) so a late, older event cannot undo a newer one. `applied` counts the
// events applied, the watermark readers compare with the published seq.
const APPLY_SCRIPT = `
if not redis.call('SET', KEYS[1], '1', 'NX', 'EX', ARGV[1]) then return 0 end
local i = 7
while i < #ARGV do
  redis.call('HINCRBY', KEYS[2], ARGV[i], ARGV[i + 1])
  i = i + 2
end
if ARGV[4] ~= 'none' then
  local last = tonumber(redis.call('HGET', KEYS[4], ARGV[3]) or '0')
  if tonumber(ARGV[2]) > last then
    redis.call('HSET', KEYS[4], ARGV[3], ARGV[2])
    if ARGV[4] == 'set' then redis.call('ZADD', KEYS[3], ARGV[5], ARGV[3]) else redis.call('ZREM', KEYS[3], ARGV[3]) end
  end
end
if ARGV[6] == '1' then redis.call('HSET', KEYS[2], 'tracked', '1') end
redis.call('INCR', KEYS[5])
return 1`;

/**
 * The statistics read model per owner, in Redis: counters in a hash, open tasks by due date in
 * a sorted set. Reading is O(log n), never a scan of the owner's tasks.
 */
export class StatisticsProjection {
  constructor(private readonly settings: RedisSettings) {}

  /** Keys of one owner share a hash tag, so a cluster keeps them on one slot. */
  private key(ownerId: string, part: string): string {
    return `${this.settings.prefix}:stats:{${ownerId}}:${part}`;
  }

  appliedKey(ownerId: string): string {
    return this.key(ownerId, 'applied');
  }

  /** Applies one event; false when it had been applied before. */
  async apply(redis: Redis, e: EventEnvelope): Promise<boolean> {
    if (!e.ownerId) return false;
    const delta = statsDelta(e.type, e.aggregateId, JSON.parse(e.payload) as Record<string, unknown>);
    // Only owners whose history starts in the stream (registered while Redis was on) are tracked.
    const origin = e.seq === 1 && e.type === UserRegistered.TYPE ? '1' : '0';
    const pairs = Object.entries(delta.counters).flatMap(([field, by]) => [field, String(by)]);
    const keys = [
      this.key(e.ownerId, `done:${e.id}`),
      this.key(e.ownerId, 'counters'),
      this.key(e.ownerId, 'due'),
      this.key(e.ownerId, 'dueseq'),
      this.appliedKey(e.ownerId),
    ];
    const score = delta.due.op === 'set' ? String(delta.due.score) : '0';
    const result = await redis.eval(
      APPLY_SCRIPT,
      keys.length,
      ...keys,
      String(DONE_TTL_SECONDS),
      String(e.seq),
      delta.taskId,
      delta.due.op,
      score,
      origin,
      ...pairs,
    );
    return result === 1;
  }

  /** The owner's statistics at `now`; null when the owner is not tracked by the projection. */
  async read(redis: Redis, ownerId: string, now: Date): Promise<TaskStats | null> {
    const t = now.getTime();
    const results = await redis
      .multi()
      .hgetall(this.key(ownerId, 'counters'))
      .zcount(this.key(ownerId, 'due'), '-inf', `(${t}`)
      .zcount(this.key(ownerId, 'due'), String(t), `(${t + DUE_SOON_WINDOW_MS}`)
      .exec();
    if (!results || results.length !== 3 || results.some(([error]) => error)) throw new Error('projection read failed');
    const [[, counters], [, overdue], [, dueSoon]] = results as [[null, Record<string, string>], [null, number], [null, number]];
    if (counters['tracked'] !== '1') return null;
    const n = (field: string) => Number(counters[field] ?? 0);
    const stats = emptyTaskStats();
    stats.total = n('total');
    for (const s of TASK_STATUSES) stats.byStatus[s] = n(`s:${s}`);
    for (const p of TASK_PRIORITIES) stats.byPriority[p] = n(`p:${p}`);
    stats.overdue = overdue;
    stats.dueSoon = dueSoon;
    stats.completionRate = stats.total === 0 ? 0 : stats.byStatus.completed / stats.total;
    stats.averageCompletionMs = stats.byStatus.completed === 0 ? null : Math.round(n('csum') / stats.byStatus.completed);
    stats.archived = n('archived');
    return stats;
  }
}
