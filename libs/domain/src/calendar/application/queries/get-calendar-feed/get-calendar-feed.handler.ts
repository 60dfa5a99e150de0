import { type IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { TokenService } from '../../../../identity';
import { Clock } from '../../../../shared/ports/clock.port';
import { TaskReadModel, type TaskListPosition, type TaskView } from '../../../../tasks';
import { CalendarFeedNotFoundError } from '../../../model/calendar-feed.errors';
import { CalendarFeedRepository } from '../../../ports/calendar-feed.repository.port';
import { type CalendarFeed, GetCalendarFeedQuery } from './get-calendar-feed.query';

/** Calendar applications poll the whole feed: it holds at most this many entries, the earliest due. */
export const CALENDAR_FEED_MAX_ENTRIES = 2000;
const PAGE = 200;

@QueryHandler(GetCalendarFeedQuery)
export class GetCalendarFeedHandler implements IQueryHandler<GetCalendarFeedQuery> {
  constructor(
    private readonly feeds: CalendarFeedRepository,
    private readonly tokens: TokenService,
    private readonly tasks: TaskReadModel,
    private readonly clock: Clock,
  ) {}

  async execute(query: GetCalendarFeedQuery): Promise<CalendarFeed> {
    const ownerId = await this.feeds.findOwner(this.tokens.hashRefreshToken(query.token));
    if (!ownerId) throw new CalendarFeedNotFoundError();
    const criteria = { status: ['todo', 'in_progress'] as const, dueAfter: new Date(0), now: this.clock.now() };
    const entries: TaskView[] = [];
    let after: TaskListPosition | null = null;
    while (entries.length < CALENDAR_FEED_MAX_ENTRIES) {
      const limit = Math.min(PAGE, CALENDAR_FEED_MAX_ENTRIES - entries.length);
      const page = await this.tasks.list(ownerId, { criteria, sort: 'dueDate', order: 'asc', after, limit });
      entries.push(...page);
      const last = page.at(-1);
      if (page.length < limit || !last?.dueDate) break;
      after = { key: last.dueDate.getTime(), id: last.id };
    }
    return { tasks: entries };
  }
}
