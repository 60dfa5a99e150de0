import { Command } from '@nestjs/cqrs';

export interface IssuedCalendarFeed {
  /** The secret part of the feed's address; shown once, stored only as a hash. */
  token: string;
}

/** Creates the user's feed, or regenerates it (the old address stops working). */
export class IssueCalendarFeedCommand extends Command<IssuedCalendarFeed> {
  constructor(readonly ownerId: string) {
    super();
  }
}
