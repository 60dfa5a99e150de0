import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { TokenService } from '../../../../identity';
import { Clock } from '../../../../shared/ports/clock.port';
import { CalendarFeedRepository } from '../../../ports/calendar-feed.repository.port';
import { IssueCalendarFeedCommand, type IssuedCalendarFeed } from './issue-calendar-feed.command';

@CommandHandler(IssueCalendarFeedCommand)
export class IssueCalendarFeedHandler implements ICommandHandler<IssueCalendarFeedCommand> {
  constructor(
    private readonly feeds: CalendarFeedRepository,
    private readonly tokens: TokenService,
    private readonly clock: Clock,
  ) {}

  async execute(command: IssueCalendarFeedCommand): Promise<IssuedCalendarFeed> {
    // The same random, hashed-at-rest opaque tokens as refresh tokens: unguessable, useless if the table leaks.
    const token = this.tokens.newRefreshToken();
    await this.feeds.save(command.ownerId, this.tokens.hashRefreshToken(token), this.clock.now());
    return { token };
  }
}
