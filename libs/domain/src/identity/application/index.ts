import { LogInHandler } from './commands/log-in/log-in.handler';
import { LogOutHandler } from './commands/log-out/log-out.handler';
import { RefreshSessionHandler } from './commands/refresh-session/refresh-session.handler';
import { RegisterUserHandler } from './commands/register-user/register-user.handler';
import { GetMeHandler } from './queries/get-me/get-me.handler';
import { SessionIssuer } from './session-issuer';

export * from './auth-tokens';
export * from './user.view';
export * from './session-issuer';
export * from './commands/register-user/register-user.command';
export * from './commands/log-in/log-in.command';
export * from './commands/refresh-session/refresh-session.command';
export * from './commands/log-out/log-out.command';
export * from './queries/get-me/get-me.query';
export { RegisterUserHandler, LogInHandler, RefreshSessionHandler, LogOutHandler, GetMeHandler };

/** Providers of the identity use cases, for the composition root. */
export const identityHandlers = [SessionIssuer, RegisterUserHandler, LogInHandler, RefreshSessionHandler, LogOutHandler, GetMeHandler];
