import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { Mailer } from '../../../../notifications';
import { Clock } from '../../../../shared/ports/clock.port';
import { InvalidEmailConfirmationTokenError } from '../../../model/identity.errors';
import { AccountTokenRepository } from '../../../ports/account-token.repository.port';
import { TokenService } from '../../../ports/token.service.port';
import { UserRepository } from '../../../ports/user.repository.port';
import { escapeHtml } from '../../../../shared/application/escape-html';
import { toUserView } from '../../user.view';
import { ConfirmEmailCommand, type ConfirmedEmail } from './confirm-email.command';

@CommandHandler(ConfirmEmailCommand)
export class ConfirmEmailHandler implements ICommandHandler<ConfirmEmailCommand> {
  constructor(
    private readonly users: UserRepository,
    private readonly tokens: AccountTokenRepository,
    private readonly tokenService: TokenService,
    private readonly mailer: Mailer,
    private readonly clock: Clock,
  ) {}

  async execute(command: ConfirmEmailCommand): Promise<ConfirmedEmail> {
    const now = this.clock.now();
    const grant = await this.tokens.consume('email-confirmation', this.tokenService.hashRefreshToken(command.token), now);
    const user = grant?.email ? await this.users.findById(grant.userId) : null;
    if (!grant?.email || !user || !user.isActive) throw new InvalidEmailConfirmationTokenError();
    const previous = user.email;
    if (grant.email === previous) {
      user.confirmEmail(now);
      await this.users.updateEmail(user);
      return { user: toUserView(user), delivery: Promise.resolve() };
    }
    // A change: the unique index decides whether the new address is still free.
    user.changeEmail(grant.email, now);
    await this.users.updateEmail(user);
    const delivery = this.mailer.send({
      userId: user.id,
      to: previous,
      subject: 'Your Primetrade address was changed',
      text:
        `Hello ${user.name},\n\nYour Primetrade account now uses ${user.email} instead of this address.\n` +
        'If you did not make this change, reset your password at once and write to us.\n',
      html:
        `<p>Hello ${escapeHtml(user.name)},</p><p>Your Primetrade account now uses <strong>${escapeHtml(user.email)}</strong> instead of this address.</p>` +
        '<p>If you did not make this change, reset your password at once and write to us.</p>',
      idempotencyKey: `email-changed.${user.id}.${now.getTime()}`,
    });
    return { user: toUserView(user), delivery };
  }
}
