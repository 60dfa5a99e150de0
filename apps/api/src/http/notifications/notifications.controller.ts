import { Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { CommandBus, QueryBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ListNotificationsQuery, MarkNotificationReadCommand } from '@primetrade/domain';
import { type AuthenticatedUser, CurrentUser } from '../auth/authenticated-user';
import { ApiProblems } from '../problem/api-problems.decorator';
import { ListNotificationsQueryDto, NotificationPageDto, NotificationResponseDto } from './notification.dto';
import { toNotificationResponse } from './notification.response';

@ApiTags('notifications')
@ApiBearerAuth()
@Controller({ path: 'notifications', version: '1' })
export class NotificationsController {
  constructor(
    private readonly commands: CommandBus,
    private readonly queries: QueryBus,
  ) {}

  @Get()
  @ApiOperation({ summary: 'Your notifications about due and overdue tasks, newest first, with the unread count' })
  @ApiOkResponse({ type: NotificationPageDto })
  @ApiProblems(400, 401, 429)
  async listNotifications(@CurrentUser() user: AuthenticatedUser, @Query() query: ListNotificationsQueryDto): Promise<NotificationPageDto> {
    const page = await this.queries.execute(new ListNotificationsQuery(user.id, query.limit, query.cursor));
    return { items: page.items.map(toNotificationResponse), nextCursor: page.nextCursor, unreadCount: page.unreadCount };
  }

  @Post(':id/read')
  @HttpCode(200)
  @ApiOperation({ summary: 'Mark a notification read (repeating it changes nothing)' })
  @ApiOkResponse({ type: NotificationResponseDto })
  @ApiProblems(401, 404, 429)
  async markNotificationRead(@CurrentUser() user: AuthenticatedUser, @Param('id') id: string): Promise<NotificationResponseDto> {
    return toNotificationResponse(await this.commands.execute(new MarkNotificationReadCommand(user.id, id)));
  }
}
