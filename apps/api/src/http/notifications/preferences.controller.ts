import { Body, Controller, Get, Patch } from '@nestjs/common';
import { CommandBus, QueryBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { GetPreferencesQuery, UpdatePreferencesCommand } from '@primetrade/domain';
import { type AuthenticatedUser, CurrentUser } from '../auth/authenticated-user';
import { ApiProblems } from '../problem/api-problems.decorator';
import { PreferencesResponseDto, toPreferencesResponse, UpdatePreferencesRequestDto } from './preferences.dto';

/** Reminder and digest settings, under the user's own resource (/users/me/preferences). */
@ApiTags('users')
@ApiBearerAuth()
@Controller({ path: 'users/me/preferences', version: '1' })
export class PreferencesController {
  constructor(
    private readonly commands: CommandBus,
    private readonly queries: QueryBus,
  ) {}

  @Get()
  @ApiOperation({ summary: 'Your time zone, reminder lead time, channels and daily digest (the defaults until you save)' })
  @ApiOkResponse({ type: PreferencesResponseDto })
  @ApiProblems(401, 429)
  async getPreferences(@CurrentUser() user: AuthenticatedUser): Promise<PreferencesResponseDto> {
    return toPreferencesResponse(await this.queries.execute(new GetPreferencesQuery(user.id)));
  }

  @Patch()
  @ApiOperation({ summary: 'Change some of your preferences; fields left out keep their value' })
  @ApiOkResponse({ type: PreferencesResponseDto })
  @ApiProblems(400, 401, 429)
  async updatePreferences(
    @CurrentUser() user: AuthenticatedUser,
    @Body() body: UpdatePreferencesRequestDto,
  ): Promise<PreferencesResponseDto> {
    const view = await this.commands.execute(
      new UpdatePreferencesCommand(user.id, {
        timeZone: body.timeZone,
        dueSoonLead: body.dueSoonLead,
        inApp: body.channels?.inApp,
        email: body.channels?.email,
        digestEnabled: body.digest?.enabled,
        digestHour: body.digest?.hour,
      }),
    );
    return toPreferencesResponse(view);
  }
}
