import { Query } from '@nestjs/cqrs';
import type { TaskView } from '../../../../tasks';

export interface CalendarFeed {
  /** Open tasks with a due date, earliest due first. */
  tasks: TaskView[];
}

/** The feed behind a token (no bearer token: the token is the credential). */
export class GetCalendarFeedQuery extends Query<CalendarFeed> {
  constructor(readonly token: string) {
    super();
  }
}
