import { describeCalendarFeedContract, describeOnMongoServer } from '@primetrade/testing';
import { CalendarFeedRecord, CalendarFeedSchema } from './calendar-feed.schema';
import { MongoCalendarFeedRepository } from './mongo-calendar-feed.repository';

describeOnMongoServer('MongoCalendarFeedRepository', (database) => {
  describeCalendarFeedContract('mongodb', async () => {
    const feeds = (await database()).model<CalendarFeedRecord>(CalendarFeedRecord.name, CalendarFeedSchema);
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
