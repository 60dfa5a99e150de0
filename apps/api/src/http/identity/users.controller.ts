import { Body, Controller, Delete, Get, HttpCode, Param, Post } from '@nestjs/common';
import { CommandBus, QueryBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiNoContentResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ChangePasswordCommand, GetMeQuery, ListSessionsQuery, RevokeOtherSessionsCommand, RevokeSessionCommand } from '@primetrade/domain';
import { type AuthenticatedUser, CurrentUser } from '../auth/authenticated-user';
import { ChangePasswordRequestDto, UserResponseDto } from './auth.dto';
import { ApiProblems } from '../problem/api-problems.decorator';
import { LoginThrottle } from '../throttling/throttle-scopes';
import { RevokedSessionsDto, SessionListDto, toSessionResponse } from './session.dto';
import { toUserResponse } from './user.response';

@ApiTags('users')
@ApiBearerAuth()
@Controller({ path: 'users', version: '1' })
export class UsersController {
  constructor(
    private readonly queries: QueryBus,
    private readonly commands: CommandBus,
  ) {}

  @Get('me')
  @ApiOperation({ summary: 'The signed-in user' })
  @ApiOkResponse({ type: UserResponseDto })
  @ApiProblems(401, 404, 429)
  async getMe(@CurrentUser() user: AuthenticatedUser): Promise<UserResponseDto> {
    return toUserResponse(await this.queries.execute(new GetMeQuery(user.id)));
  }

  @Get('me/sessions')
  @ApiOperation({ summary: 'Where you are signed in: each session, when it started and was last used, its client; yours marked current' })
  @ApiOkResponse({ type: SessionListDto })
  @ApiProblems(401, 429)
  async listSessions(@CurrentUser() user: AuthenticatedUser): Promise<SessionListDto> {
    const sessions = await this.queries.execute(new ListSessionsQuery(user.id, user.sessionId));
    return { items: sessions.map(toSessionResponse) };
  }

  @Post('me/sessions/revoke-others')
  @HttpCode(200)
  @ApiOperation({ summary: 'Sign out everywhere else: every session but the current one ends' })
  @ApiOkResponse({ type: RevokedSessionsDto })
  @ApiProblems(401, 429)
  async revokeOtherSessions(@CurrentUser() user: AuthenticatedUser): Promise<RevokedSessionsDto> {
    return this.commands.execute(new RevokeOtherSessionsCommand(user.id, user.sessionId));
  }

  @Delete('me/sessions/:id')
  @HttpCode(204)
  @ApiOperation({ summary: 'Sign one session out (its refresh token stops working; its access token lapses within minutes)' })
  @ApiNoContentResponse({ description: 'Signed out' })
  @ApiProblems(401, 404, 429)
  async revokeSession(@CurrentUser() user: AuthenticatedUser, @Param('id') id: string): Promise<void> {
    await this.commands.execute(new RevokeSessionCommand(user.id, id));
  }

  @Post('me/password')
  @HttpCode(204)
  @LoginThrottle()
  @ApiOperation({ summary: 'Change your password (the current one is needed); every other session ends, this one stays' })
  @ApiNoContentResponse({ description: 'Changed' })
  @ApiProblems(400, 401, 429)
  async changePassword(@CurrentUser() user: AuthenticatedUser, @Body() body: ChangePasswordRequestDto): Promise<void> {
    await this.commands.execute(new ChangePasswordCommand(user.id, user.sessionId, body.currentPassword, body.newPassword));
  }
}
