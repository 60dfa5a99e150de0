import { describeCalendarFeedContract } from '@primetrade/testing';
import { SqliteDatabase } from '../database/sqlite-database';
import { SqliteCalendarFeedRepository } from './sqlite-calendar-feed.repository';

describeCalendarFeedContract('sqlite', async () => new SqliteCalendarFeedRepository(new SqliteDatabase({ file: ':memory:' })));
