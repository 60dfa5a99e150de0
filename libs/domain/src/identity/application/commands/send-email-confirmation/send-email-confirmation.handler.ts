import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { EmailAlreadyConfirmedError, UserNotFoundError } from '../../../model/identity.errors';
import { UserRepository } from '../../../ports/user.repository.port';
import { EmailConfirmationMailer } from '../../email-confirmation-mailer';
import { type ConfirmationMailed, SendEmailConfirmationCommand } from './send-email-confirmation.command';

@CommandHandler(SendEmailConfirmationCommand)
export class SendEmailConfirmationHandler implements ICommandHandler<SendEmailConfirmationCommand> {
  constructor(
    private readonly users: UserRepository,
    private readonly confirmations: EmailConfirmationMailer,
  ) {}

  async execute(command: SendEmailConfirmationCommand): Promise<ConfirmationMailed> {
    const user = await this.users.findById(command.userId);
    if (!user || !user.isActive) throw new UserNotFoundError();
    if (user.emailConfirmed) throw new EmailAlreadyConfirmedError();
    return this.confirmations.send(user, user.email, command.confirmPageUrl);
  }
}
