import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { CalendarFeedNotFoundError } from '../../../model/calendar-feed.errors';
import { CalendarFeedRepository } from '../../../ports/calendar-feed.repository.port';
import { RevokeCalendarFeedCommand } from './revoke-calendar-feed.command';

@CommandHandler(RevokeCalendarFeedCommand)
export class RevokeCalendarFeedHandler implements ICommandHandler<RevokeCalendarFeedCommand> {
  constructor(private readonly feeds: CalendarFeedRepository) {}

  async execute(command: RevokeCalendarFeedCommand): Promise<void> {
    if (!(await this.feeds.revoke(command.ownerId))) throw new CalendarFeedNotFoundError();
  }
}
