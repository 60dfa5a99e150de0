import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { Mailer } from '../../../../notifications';
import { Clock } from '../../../../shared/ports/clock.port';
import { normalizeEmail } from '../../../model/email';
import { AccountTokenRepository } from '../../../ports/account-token.repository.port';
import { TokenService } from '../../../ports/token.service.port';
import { UserRepository } from '../../../ports/user.repository.port';
import { escapeHtml } from '../../../../shared/application/escape-html';
import { type PasswordResetRequested, RequestPasswordResetCommand } from './request-password-reset.command';

/** How long a reset link works. */
export const PASSWORD_RESET_TTL_MS = 30 * 60_000;

@CommandHandler(RequestPasswordResetCommand)
export class RequestPasswordResetHandler implements ICommandHandler<RequestPasswordResetCommand> {
  constructor(
    private readonly users: UserRepository,
    private readonly resets: AccountTokenRepository,
    private readonly tokens: TokenService,
    private readonly mailer: Mailer,
    private readonly clock: Clock,
  ) {}

  async execute(command: RequestPasswordResetCommand): Promise<PasswordResetRequested> {
    // The same work whether or not the address exists (a token drawn and hashed, one look-up),
    // and the mail is not waited for: the answer and its timing say nothing about the account.
    const token = this.tokens.newRefreshToken();
    const tokenHash = this.tokens.hashRefreshToken(token);
    const user = await this.users.findByEmail(normalizeEmail(command.email));
    if (!user || !user.isActive) return { delivery: Promise.resolve() };
    const now = this.clock.now();
    await this.resets.save(
      { purpose: 'password-reset', tokenHash, userId: user.id, email: null, expiresAt: new Date(now.getTime() + PASSWORD_RESET_TTL_MS) },
      now,
    );
    const link = `${command.resetPageUrl}?token=${encodeURIComponent(token)}`;
    const delivery = this.mailer.send({
      userId: user.id,
      to: user.email,
      subject: 'Reset your Primetrade password',
      text:
        `Hello ${user.name},\n\nSomeone (we hope you) asked to reset the password of your Primetrade account.\n` +
        `Choose a new password here within 30 minutes:\n\n${link}\n\n` +
        'If it was not you, ignore this mail: your password stays as it is.\n',
      html:
        `<p>Hello ${escapeHtml(user.name)},</p><p>Someone (we hope you) asked to reset the password of your Primetrade account.</p>` +
        `<p><a href="${escapeHtml(link)}">Choose a new password</a> within 30 minutes.</p>` +
        '<p>If it was not you, ignore this mail: your password stays as it is.</p>',
      idempotencyKey: `password-reset.${tokenHash}`,
    });
    return { delivery };
  }
}
