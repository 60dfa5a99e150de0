import { Controller, Get } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { GetMeQuery } from '@primetrade/domain';
import { type AuthenticatedUser, CurrentUser } from '../auth/authenticated-user';
import { UserResponseDto } from './auth.dto';
import { ApiProblems } from '../problem/api-problems.decorator';
import { toUserResponse } from './user.response';

@ApiTags('users')
@ApiBearerAuth()
@Controller({ path: 'users', version: '1' })
export class UsersController {
  constructor(private readonly queries: QueryBus) {}

  @Get('me')
  @ApiOperation({ summary: 'The signed-in user' })
  @ApiOkResponse({ type: UserResponseDto })
  @ApiProblems(401, 404, 429)
  async getMe(@CurrentUser() user: AuthenticatedUser): Promise<UserResponseDto> {
    return toUserResponse(await this.queries.execute(new GetMeQuery(user.id)));
  }
}
