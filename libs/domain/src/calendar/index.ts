// The calendar context's public surface: a private iCalendar feed of each user's open, due tasks.
export * from './model/calendar-feed.errors';
export * from './ports/calendar-feed.repository.port';
export * from './application';
