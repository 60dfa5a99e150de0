import { Body, Controller, HttpCode, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiNoContentResponse, ApiOkResponse, ApiCreatedResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { type AuthTokens, LogInCommand, LogOutCommand, RefreshSessionCommand, RegisterUserCommand } from '@primetrade/domain';
import { ApiProblems } from '../problem/api-problems.decorator';
import { LoginThrottle } from '../throttling/throttle-scopes';
import { toUserResponse } from './user.response';
import { LoginRequestDto, RefreshRequestDto, RegisterRequestDto, TokenResponseDto, UserResponseDto } from './auth.dto';
import { Public } from '../auth/public.decorator';

const toTokenResponse = (tokens: AuthTokens): TokenResponseDto => ({ ...tokens, tokenType: 'Bearer' });

@ApiTags('auth')
@Public()
@Controller({ path: 'auth', version: '1' })
export class AuthController {
  constructor(private readonly commands: CommandBus) {}

  @Post('register')
  @ApiOperation({ summary: 'Create an account' })
  @ApiCreatedResponse({ type: UserResponseDto })
  @ApiProblems(400, 409, 429)
  async register(@Body() body: RegisterRequestDto): Promise<UserResponseDto> {
    return toUserResponse(await this.commands.execute(new RegisterUserCommand(body.name, body.email, body.password)));
  }

  @Post('login')
  @HttpCode(200)
  @LoginThrottle()
  @ApiOperation({ summary: 'Exchange email and password for an access and a refresh token' })
  @ApiOkResponse({ type: TokenResponseDto })
  @ApiProblems(400, 401, 429)
  async login(@Body() body: LoginRequestDto): Promise<TokenResponseDto> {
    return toTokenResponse(await this.commands.execute(new LogInCommand(body.email, body.password)));
  }

  @Post('refresh')
  @HttpCode(200)
  @ApiOperation({ summary: 'Rotate a refresh token; reusing an old one ends the whole session family' })
  @ApiOkResponse({ type: TokenResponseDto })
  @ApiProblems(400, 401, 429)
  async refresh(@Body() body: RefreshRequestDto): Promise<TokenResponseDto> {
    return toTokenResponse(await this.commands.execute(new RefreshSessionCommand(body.refreshToken)));
  }

  @Post('logout')
  @HttpCode(204)
  @ApiOperation({ summary: 'End the session of a refresh token' })
  @ApiNoContentResponse({ description: 'Logged out (also when the token was unknown)' })
  @ApiProblems(400, 429)
  async logout(@Body() body: RefreshRequestDto): Promise<void> {
    await this.commands.execute(new LogOutCommand(body.refreshToken));
  }
}
