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
}

/** Roughly how many entries the stream keeps (XADD MAXLEN ~); consumers are expected to keep up. */
export const STREAM_MAX_LENGTH = 100_000;

// Numbers the event per owner and appends it in one step, so seq order is stream order.
export const PUBLISH_SCRIPT = `
local seq = 0
if ARGV[2] ~= '' then seq = redis.call('INCR', KEYS[2]) end
local fields = {}
for i = 3, #ARGV do fields[#fields + 1] = ARGV[i] end
fields[#fields + 1] = 'seq'
fields[#fields + 1] = tostring(seq)
return redis.call('XADD', KEYS[1], 'MAXLEN', '~', ARGV[1], '*', unpack(fields))`;
