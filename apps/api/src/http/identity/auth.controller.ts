import { Body, Controller, HttpCode, Inject, Logger, Post, Req } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiAcceptedResponse, ApiNoContentResponse, ApiOkResponse, ApiCreatedResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import {
  type AuthTokens,
  ConfirmEmailCommand,
  LogInCommand,
  LogOutCommand,
  RefreshSessionCommand,
  RegisterUserCommand,
  RequestPasswordResetCommand,
  ResetPasswordCommand,
} from '@primetrade/domain';
import { APP_CONFIG, type AppConfig } from '../../config/app-config';
import { ApiProblems } from '../problem/api-problems.decorator';
import { LoginThrottle } from '../throttling/throttle-scopes';
import { toUserResponse } from './user.response';
import {
  ConfirmEmailRequestDto,
  ForgotPasswordRequestDto,
  ForgotPasswordResponseDto,
  LoginRequestDto,
  RefreshRequestDto,
  RegisterRequestDto,
  ResetPasswordRequestDto,
  TokenResponseDto,
  UserResponseDto,
} from './auth.dto';
import { Public } from '../auth/public.decorator';

/** Read from the request, not declared as a parameter: clients send it anyway, and it only labels the session. */
type ClientRequest = { headers: Record<string, string | string[] | undefined> };
const userAgentOf = (request: ClientRequest): string | undefined => {
  const header = request.headers['user-agent'];
  return typeof header === 'string' ? header : undefined;
};

const toTokenResponse = (tokens: AuthTokens): TokenResponseDto => ({ ...tokens, tokenType: 'Bearer' });

@ApiTags('auth')
@Public()
@Controller({ path: 'auth', version: '1' })
export class AuthController {
  private readonly logger = new Logger('AccountMail');

  constructor(
    private readonly commands: CommandBus,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  @Post('register')
  @ApiOperation({ summary: 'Create an account' })
  @ApiCreatedResponse({ type: UserResponseDto })
  @ApiProblems(400, 409, 429)
  async register(@Body() body: RegisterRequestDto): Promise<UserResponseDto> {
    const { user, delivery } = await this.commands.execute(
      new RegisterUserCommand(body.name, body.email, body.password, `${this.config.publicUrl}/confirm-email`),
    );
    // The account exists whether or not the mail server answers now; the user can ask again.
    delivery.catch((error: Error) => this.logger.error(`confirmation mail not sent: ${error.message}`));
    return toUserResponse(user);
  }

  @Post('email/confirm')
  @HttpCode(200)
  @LoginThrottle()
  @ApiOperation({
    summary: 'Confirm an address with the token from a confirmation link (after sign-up, or to make a new address take effect)',
    description: 'The link works once, for 24 hours. No bearer token is needed: the link may be opened on any device.',
  })
  @ApiOkResponse({ type: UserResponseDto })
  @ApiProblems(400, 409, 429)
  async confirmEmail(@Body() body: ConfirmEmailRequestDto): Promise<UserResponseDto> {
    const { user, delivery } = await this.commands.execute(new ConfirmEmailCommand(body.token));
    delivery.catch((error: Error) => this.logger.error(`address-changed notice not sent: ${error.message}`));
    return toUserResponse(user);
  }

  @Post('login')
  @HttpCode(200)
  @LoginThrottle()
  @ApiOperation({ summary: 'Exchange email and password for an access and a refresh token' })
  @ApiOkResponse({ type: TokenResponseDto })
  @ApiProblems(400, 401, 429)
  async login(@Body() body: LoginRequestDto, @Req() request: ClientRequest): Promise<TokenResponseDto> {
    return toTokenResponse(await this.commands.execute(new LogInCommand(body.email, body.password, userAgentOf(request))));
  }

  @Post('refresh')
  @HttpCode(200)
  @ApiOperation({ summary: 'Rotate a refresh token; reusing an old one ends the whole session family' })
  @ApiOkResponse({ type: TokenResponseDto })
  @ApiProblems(400, 401, 429)
  async refresh(@Body() body: RefreshRequestDto, @Req() request: ClientRequest): Promise<TokenResponseDto> {
    return toTokenResponse(await this.commands.execute(new RefreshSessionCommand(body.refreshToken, userAgentOf(request))));
  }

  @Post('logout')
  @HttpCode(204)
  @ApiOperation({ summary: 'End the session of a refresh token' })
  @ApiNoContentResponse({ description: 'Logged out (also when the token was unknown)' })
  @ApiProblems(400, 429)
  async logout(@Body() body: RefreshRequestDto): Promise<void> {
    await this.commands.execute(new LogOutCommand(body.refreshToken));
  }

  @Post('password/forgot')
  @HttpCode(202)
  @LoginThrottle()
  @ApiOperation({
    summary: 'Forgotten password: mail a reset link (the same answer whether or not the address has an account)',
    description: 'The link works once, for 30 minutes; using it ends every session of the account.',
  })
  @ApiAcceptedResponse({ type: ForgotPasswordResponseDto })
  @ApiProblems(400, 429)
  async forgotPassword(@Body() body: ForgotPasswordRequestDto): Promise<ForgotPasswordResponseDto> {
    const { delivery } = await this.commands.execute(
      new RequestPasswordResetCommand(body.email, `${this.config.publicUrl}/reset-password`),
    );
    // Not waited for: a slow mail server must not tell an existing address from an unknown one.
    delivery.catch((error: Error) => this.logger.error(`reset mail not sent: ${error.message}`));
    return { message: 'If an account has this address, a link to reset its password is on its way (it works for 30 minutes).' };
  }

  @Post('password/reset')
  @HttpCode(204)
  @LoginThrottle()
  @ApiOperation({ summary: 'Set a new password with the token from a reset link; every session of the account ends' })
  @ApiNoContentResponse({ description: 'The password is changed; sign in with it' })
  @ApiProblems(400, 429)
  async resetPassword(@Body() body: ResetPasswordRequestDto): Promise<void> {
    await this.commands.execute(new ResetPasswordCommand(body.token, body.password));
  }
}
