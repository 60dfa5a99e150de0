import { randomUUID } from 'node:crypto';
import { type Connection, createConnection } from 'mongoose';
import { describeCalendarFeedContract } from '@primetrade/testing';
import { CalendarFeedRecord, CalendarFeedSchema } from './calendar-feed.schema';
import { MongoCalendarFeedRepository } from './mongo-calendar-feed.repository';

/** The shared contract against a real mongod when MONGODB_URI is set; a database per test, named "…test…". */
const uri = process.env['MONGODB_URI'];
if (!uri) process.stdout.write('skipped: no MongoDB server (set MONGODB_URI)\n');

let base: Connection | undefined;
const run = randomUUID().slice(0, 8);
let counter = 0;

afterAll(async () => {
  if (!base) return;
  for (let i = 1; i <= counter; i++) await base.useDb(`primetrade_calendar_test_${run}_${i}`).dropDatabase();
  await base.close();
});

(uri ? describe : describe.skip)('MongoCalendarFeedRepository on a real server', () => {
  describeCalendarFeedContract('mongodb', async () => {
    base ??= await createConnection(uri!).asPromise();
    const db = base.useDb(`primetrade_calendar_test_${run}_${++counter}`, { useCache: false });
    const feeds = db.model<CalendarFeedRecord>(CalendarFeedRecord.name, CalendarFeedSchema);
    await feeds.init();
    return new MongoCalendarFeedRepository(feeds);
  });
});

describe('calendar_feeds schema', () => {
  it('finds a feed by a unique token hash', () => {
    expect(CalendarFeedSchema.indexes()).toContainEqual([
      { tokenHash: 1 },
      expect.objectContaining({ unique: true, name: 'token_hash_uq' }),
    ]);
  });
});
