import { Command } from '@nestjs/cqrs';

/** Ends the user's feed: its address answers 404 from now on. */
export class RevokeCalendarFeedCommand extends Command<void> {
  constructor(readonly ownerId: string) {
    super();
  }
}
