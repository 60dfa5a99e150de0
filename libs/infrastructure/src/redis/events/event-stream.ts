import type { RedisSettings } from '../connection/redis-connection';

/** Key names of the event stream and of the per-owner sequence counters. */
export class EventStreamKeys {
  constructor(private readonly settings: RedisSettings) {}

  get stream(): string {
    return `${this.settings.prefix}:events`;
  }

  seq(ownerId: string): string {
    return `${this.settings.prefix}:events:seq:${ownerId}`;
  }

  /** Marks an event id as appended (the relay may hand an event on twice; it is appended once). */
  appended(eventId: string): string {
    return `${this.settings.prefix}:events:appended:${eventId}`;
  }
}

/** Roughly how many entries the stream keeps (XADD MAXLEN ~); consumers are expected to keep up. */
export const STREAM_MAX_LENGTH = 100_000;

/** How long an appended event id is remembered (a relay retry comes within seconds). */
export const APPENDED_TTL_SECONDS = 7 * 24 * 3600;

// Numbers the event per owner and appends it in one step, so seq order is stream order. An event
// id already appended (the outbox relay delivers at least once) is skipped: no second entry, no
// second seq. KEYS: stream, seq counter, appended marker; ARGV: maxlen, owner, ttl, fields...
export const PUBLISH_SCRIPT = `
if redis.call('SET', KEYS[3], '1', 'NX', 'EX', ARGV[3]) == false then return false end
local seq = 0
if ARGV[2] ~= '' then seq = redis.call('INCR', KEYS[2]) end
local fields = {}
for i = 4, #ARGV do fields[#fields + 1] = ARGV[i] end
fields[#fields + 1] = 'seq'
fields[#fields + 1] = tostring(seq)
return redis.call('XADD', KEYS[1], 'MAXLEN', '~', ARGV[1], '*', unpack(fields))`;
