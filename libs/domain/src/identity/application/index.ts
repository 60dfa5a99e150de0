import { LogInHandler } from './commands/log-in/log-in.handler';
import { LogOutHandler } from './commands/log-out/log-out.handler';
import { RefreshSessionHandler } from './commands/refresh-session/refresh-session.handler';
import { RegisterUserHandler } from './commands/register-user/register-user.handler';
import { GetMeHandler } from './queries/get-me/get-me.handler';
import { SessionIssuer } from './session-issuer';
import { ChangePasswordHandler } from './commands/change-password/change-password.handler';
import { ListSessionsHandler } from './queries/list-sessions/list-sessions.handler';
import { RevokeOtherSessionsHandler, RevokeSessionHandler } from './commands/revoke-session/revoke-session.handler';
import { RequestPasswordResetHandler } from './commands/request-password-reset/request-password-reset.handler';
import { ResetPasswordHandler } from './commands/reset-password/reset-password.handler';
import { SendEmailConfirmationHandler } from './commands/send-email-confirmation/send-email-confirmation.handler';
import { ConfirmEmailHandler } from './commands/confirm-email/confirm-email.handler';
import { ChangeEmailHandler } from './commands/change-email/change-email.handler';
import { EmailConfirmationMailer } from './email-confirmation-mailer';
import { DeleteAccountHandler } from './commands/delete-account/delete-account.handler';
import { ExportAccountHandler } from './queries/export-account/export-account.handler';

export * from './auth-tokens';
export * from './user.view';
export * from './session-issuer';
export * from './commands/register-user/register-user.command';
export * from './commands/log-in/log-in.command';
export * from './commands/refresh-session/refresh-session.command';
export * from './commands/log-out/log-out.command';
export * from './queries/get-me/get-me.query';
export * from './commands/change-password/change-password.command';
export * from './queries/list-sessions/list-sessions.query';
export * from './commands/revoke-session/revoke-session.command';
export * from './commands/request-password-reset/request-password-reset.command';
export * from './commands/reset-password/reset-password.command';
export * from './commands/send-email-confirmation/send-email-confirmation.command';
export * from './commands/confirm-email/confirm-email.command';
export * from './commands/change-email/change-email.command';
export * from './commands/delete-account/delete-account.command';
export * from './queries/export-account/export-account.query';
export { EmailConfirmationMailer, EMAIL_CONFIRMATION_TTL_MS } from './email-confirmation-mailer';
export { PASSWORD_RESET_TTL_MS } from './commands/request-password-reset/request-password-reset.handler';
export {
  RegisterUserHandler,
  LogInHandler,
  RefreshSessionHandler,
  LogOutHandler,
  GetMeHandler,
  RequestPasswordResetHandler,
  ResetPasswordHandler,
  ListSessionsHandler,
  RevokeSessionHandler,
  RevokeOtherSessionsHandler,
  ChangePasswordHandler,
  SendEmailConfirmationHandler,
  ConfirmEmailHandler,
  ChangeEmailHandler,
  DeleteAccountHandler,
  ExportAccountHandler,
};

/** Providers of the identity use cases, for the composition root. */
export const identityHandlers = [
  SessionIssuer,
  RegisterUserHandler,
  LogInHandler,
  RefreshSessionHandler,
  LogOutHandler,
  GetMeHandler,
  RequestPasswordResetHandler,
  ResetPasswordHandler,
  ListSessionsHandler,
  RevokeSessionHandler,
  RevokeOtherSessionsHandler,
  ChangePasswordHandler,
  EmailConfirmationMailer,
  SendEmailConfirmationHandler,
  ConfirmEmailHandler,
  ChangeEmailHandler,
  DeleteAccountHandler,
  ExportAccountHandler,
];
