import { IssueCalendarFeedHandler } from './commands/issue-calendar-feed/issue-calendar-feed.handler';
import { RevokeCalendarFeedHandler } from './commands/revoke-calendar-feed/revoke-calendar-feed.handler';
import { GetCalendarFeedHandler } from './queries/get-calendar-feed/get-calendar-feed.handler';

export * from './commands/issue-calendar-feed/issue-calendar-feed.command';
export * from './commands/revoke-calendar-feed/revoke-calendar-feed.command';
export * from './queries/get-calendar-feed/get-calendar-feed.query';
export { CALENDAR_FEED_MAX_ENTRIES } from './queries/get-calendar-feed/get-calendar-feed.handler';
export { IssueCalendarFeedHandler, RevokeCalendarFeedHandler, GetCalendarFeedHandler };

/** Providers of the calendar use cases, for the composition root. */
export const calendarHandlers = [IssueCalendarFeedHandler, RevokeCalendarFeedHandler, GetCalendarFeedHandler];
