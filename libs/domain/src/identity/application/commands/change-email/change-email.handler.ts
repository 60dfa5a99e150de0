import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { Mailer } from '../../../../notifications';
import { DomainValidationError } from '../../../../shared/model/domain.errors';
import { Clock } from '../../../../shared/ports/clock.port';
import { normalizeEmail } from '../../../model/email';
import { EmailAlreadyRegisteredError, UserNotFoundError, WrongPasswordError } from '../../../model/identity.errors';
import { PasswordHasher } from '../../../ports/password-hasher.port';
import { UserRepository } from '../../../ports/user.repository.port';
import { EmailConfirmationMailer } from '../../email-confirmation-mailer';
import { escapeHtml } from '../../../../shared/application/escape-html';
import { ChangeEmailCommand, type EmailChangeRequested } from './change-email.command';

@CommandHandler(ChangeEmailCommand)
export class ChangeEmailHandler implements ICommandHandler<ChangeEmailCommand> {
  constructor(
    private readonly users: UserRepository,
    private readonly hasher: PasswordHasher,
    private readonly confirmations: EmailConfirmationMailer,
    private readonly mailer: Mailer,
    private readonly clock: Clock,
  ) {}

  async execute(command: ChangeEmailCommand): Promise<EmailChangeRequested> {
    const user = await this.users.findById(command.userId);
    if (!user || !user.isActive) throw new UserNotFoundError();
    if (!(await this.hasher.verify(user.passwordHash, command.currentPassword))) throw new WrongPasswordError();
    const address = normalizeEmail(command.newEmail);
    if (address === user.email) throw new DomainValidationError('email', 'is already your address');
    // Said now rather than when the link is followed (the unique index still decides then).
    if (await this.users.findByEmail(address)) throw new EmailAlreadyRegisteredError();
    const { delivery: confirmation } = await this.confirmations.send(user, address, command.confirmPageUrl);
    const notice = this.mailer.send({
      userId: user.id,
      to: user.email,
      subject: 'A change of your Primetrade address was asked for',
      text:
        `Hello ${user.name},\n\nSomeone signed in to your account asked to use ${address} instead of this address.\n` +
        'Nothing changes until the link sent there is followed. If it was not you, change your password now.\n',
      html:
        `<p>Hello ${escapeHtml(user.name)},</p><p>Someone signed in to your account asked to use <strong>${escapeHtml(address)}</strong> instead of this address.</p>` +
        '<p>Nothing changes until the link sent there is followed. If it was not you, change your password now.</p>',
      idempotencyKey: `email-change-asked.${user.id}.${address}.${this.clock.now().getTime()}`,
    });
    return { delivery: Promise.all([confirmation, notice]).then(() => undefined) };
  }
}
