import { Body, Controller, Delete, Get, HttpCode, Inject, Logger, Param, Post, StreamableFile } from '@nestjs/common';
import { CommandBus, QueryBus } from '@nestjs/cqrs';
import { ApiAcceptedResponse, ApiBearerAuth, ApiNoContentResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import {
  ChangeEmailCommand,
  ChangePasswordCommand,
  Clock,
  DeleteAccountCommand,
  ExportAccountQuery,
  GetMeQuery,
  ListSessionsQuery,
  RevokeOtherSessionsCommand,
  RevokeSessionCommand,
  SendEmailConfirmationCommand,
} from '@primetrade/domain';
import { APP_CONFIG, type AppConfig } from '../../config/app-config';
import { type AuthenticatedUser, CurrentUser } from '../auth/authenticated-user';
import {
  AccountMailResponseDto,
  ChangeEmailRequestDto,
  ChangePasswordRequestDto,
  DeleteAccountRequestDto,
  UserResponseDto,
} from './auth.dto';
import { accountArchive } from './account-archive';
import { ApiProblems } from '../problem/api-problems.decorator';
import { AccountMailThrottle, LoginThrottle } from '../throttling/throttle-scopes';
import { RevokedSessionsDto, SessionListDto, toSessionResponse } from './session.dto';
import { toUserResponse } from './user.response';

@ApiTags('users')
@ApiBearerAuth()
@Controller({ path: 'users', version: '1' })
export class UsersController {
  private readonly logger = new Logger('AccountMail');

  constructor(
    private readonly queries: QueryBus,
    private readonly commands: CommandBus,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly clock: Clock,
  ) {}

  private get confirmPageUrl(): string {
    return `${this.config.publicUrl}/confirm-email`;
  }

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

  @Post('me/email/confirmation')
  @HttpCode(202)
  @AccountMailThrottle()
  @ApiOperation({ summary: 'Send the link that confirms your address again (a few times per quarter hour)' })
  @ApiAcceptedResponse({ type: AccountMailResponseDto })
  @ApiProblems(401, 404, 409, 429)
  async resendConfirmation(@CurrentUser() user: AuthenticatedUser): Promise<AccountMailResponseDto> {
    const { delivery } = await this.commands.execute(new SendEmailConfirmationCommand(user.id, this.confirmPageUrl));
    delivery.catch((error: Error) => this.logger.error(`confirmation mail not sent: ${error.message}`));
    return { message: 'A confirmation link is on its way to your address (it works for 24 hours).' };
  }

  @Post('me/email')
  @HttpCode(202)
  @AccountMailThrottle()
  @ApiOperation({
    summary: 'Change your address (the current password is needed)',
    description:
      'A link goes to the new address and a notice to the current one; the change takes effect when the link is followed (POST /auth/email/confirm).',
  })
  @ApiAcceptedResponse({ type: AccountMailResponseDto })
  @ApiProblems(400, 401, 404, 409, 429)
  async changeEmail(@CurrentUser() user: AuthenticatedUser, @Body() body: ChangeEmailRequestDto): Promise<AccountMailResponseDto> {
    const { delivery } = await this.commands.execute(
      new ChangeEmailCommand(user.id, body.email, body.currentPassword, this.confirmPageUrl),
    );
    delivery.catch((error: Error) => this.logger.error(`address-change mails not sent: ${error.message}`));
    return {
      message: 'A link to confirm the new address is on its way to it (it works for 24 hours); nothing changes until it is followed.',
    };
  }

  @Get('me/export')
  @ApiOperation({
    summary: 'Take your data: everything the service holds about you, attachments included, as one ZIP archive',
    description: 'account.json (profile, sessions), tasks.json, notifications.json, attachments.json and the attachment files; streamed.',
  })
  @ApiOkResponse({ description: 'A ZIP archive', content: { 'application/zip': { schema: { type: 'string', format: 'binary' } } } })
  @ApiProblems(401, 404, 429)
  async exportAccount(@CurrentUser() user: AuthenticatedUser): Promise<StreamableFile> {
    const archive = await this.queries.execute(new ExportAccountQuery(user.id));
    const now = this.clock.now();
    return new StreamableFile(accountArchive(archive, now), {
      type: 'application/zip',
      disposition: `attachment; filename="primetrade-${now.toISOString().slice(0, 10)}.zip"`,
    });
  }

  @Delete('me')
  @HttpCode(204)
  @LoginThrottle()
  @ApiOperation({
    summary:
      'Delete your account (the password is needed): tasks, attachments and their files, notifications, sessions and everything else of yours are erased',
    description: 'Cannot be undone. Access tokens already issued stop finding anything of yours and lapse within minutes.',
  })
  @ApiNoContentResponse({ description: 'Deleted' })
  @ApiProblems(400, 401, 404, 429)
  async deleteAccount(@CurrentUser() user: AuthenticatedUser, @Body() body: DeleteAccountRequestDto): Promise<void> {
    await this.commands.execute(new DeleteAccountCommand(user.id, body.password));
  }
}
