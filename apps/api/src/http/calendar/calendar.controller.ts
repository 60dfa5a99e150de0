import { Controller, Delete, Get, Header, HttpCode, Param, Post, Req } from '@nestjs/common';
import { CommandBus, QueryBus } from '@nestjs/cqrs';
import {
  ApiBearerAuth,
  ApiCreatedResponse,
  ApiNoContentResponse,
  ApiOkResponse,
  ApiOperation,
  ApiParam,
  ApiProduces,
  ApiTags,
} from '@nestjs/swagger';
import {
  CalendarFeedNotFoundError,
  Clock,
  GetCalendarFeedQuery,
  IssueCalendarFeedCommand,
  RevokeCalendarFeedCommand,
} from '@primetrade/domain';
import type { FastifyRequest } from 'fastify';
import { type AuthenticatedUser, CurrentUser } from '../auth/authenticated-user';
import { Public } from '../auth/public.decorator';
import { ApiProblems } from '../problem/api-problems.decorator';
import { CalendarFeedResponseDto } from './calendar-feed.dto';
import { renderIcsFeed } from './ics-feed';

/** `<token>.ics`; the token is base64url. Anything else cannot be a feed. */
const FEED_FILE = /^([A-Za-z0-9_-]{16,128})\.ics$/;

@ApiTags('calendar')
@Controller({ path: 'calendar', version: '1' })
export class CalendarController {
  constructor(
    private readonly commands: CommandBus,
    private readonly queries: QueryBus,
    private readonly clock: Clock,
  ) {}

  @Post('feed')
  @ApiBearerAuth()
  @ApiOperation({
    summary: 'Create your private calendar feed, or regenerate it (the old address stops working)',
    description:
      'Every open task with a due date, as an iCalendar (RFC 5545) feed calendar applications subscribe to without a bearer token.',
  })
  @ApiCreatedResponse({ type: CalendarFeedResponseDto })
  @ApiProblems(401, 429)
  async issueCalendarFeed(@CurrentUser() user: AuthenticatedUser, @Req() request: FastifyRequest): Promise<CalendarFeedResponseDto> {
    const { token } = await this.commands.execute(new IssueCalendarFeedCommand(user.id));
    const address = `${request.host}/api/v1/calendar/${token}.ics`;
    return { url: `${request.protocol}://${address}`, webcalUrl: `webcal://${address}` };
  }

  @Delete('feed')
  @HttpCode(204)
  @ApiBearerAuth()
  @ApiOperation({ summary: 'Revoke your calendar feed: its address answers 404 from now on' })
  @ApiNoContentResponse({ description: 'Revoked' })
  @ApiProblems(401, 404, 429)
  async revokeCalendarFeed(@CurrentUser() user: AuthenticatedUser): Promise<void> {
    await this.commands.execute(new RevokeCalendarFeedCommand(user.id));
  }

  @Get(':feed')
  @Public()
  @Header('Content-Type', 'text/calendar; charset=utf-8')
  @Header('Cache-Control', 'private, no-cache')
  @ApiOperation({
    summary: 'A calendar feed (iCalendar), for calendar applications',
    description: 'The address itself is the credential (no bearer token); an unknown, regenerated or revoked address is a 404.',
  })
  @ApiParam({ name: 'feed', description: 'The feed file: `<token>.ics`', example: '3q2-7wEjCzY6pPNV0n5kVuTTk9P1M1cI5QmMyXEdbrw.ics' })
  @ApiProduces('text/calendar')
  @ApiOkResponse({ description: 'The feed (RFC 5545)', content: { 'text/calendar': { schema: { type: 'string' } } } })
  @ApiProblems(404, 429)
  async getCalendarFeed(@Param('feed') feed: string): Promise<string> {
    const token = FEED_FILE.exec(feed)?.[1];
    if (!token) throw new CalendarFeedNotFoundError();
    const { tasks } = await this.queries.execute(new GetCalendarFeedQuery(token));
    return renderIcsFeed(tasks, this.clock.now());
  }
}
