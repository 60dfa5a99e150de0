import { describeCalendarFeedContract } from '../contracts/calendar-feed.contract';
import { InMemoryCalendarFeedRepository } from './in-memory-calendar-feed.repository';

describeCalendarFeedContract('in-memory', async () => new InMemoryCalendarFeedRepository());
