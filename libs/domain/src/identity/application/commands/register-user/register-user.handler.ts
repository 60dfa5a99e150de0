import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { Clock } from '../../../../shared/ports/clock.port';
import { DomainEventPublisher } from '../../../../shared/ports/event-publisher.port';
import { IdGenerator } from '../../../../shared/ports/id-generator.port';
import { User } from '../../../model/user.entity';
import { PasswordHasher } from '../../../ports/password-hasher.port';
import { UserRepository } from '../../../ports/user.repository.port';
import { EmailConfirmationMailer } from '../../email-confirmation-mailer';
import { toUserView } from '../../user.view';
import { type Registered, RegisterUserCommand } from './register-user.command';

@CommandHandler(RegisterUserCommand)
export class RegisterUserHandler implements ICommandHandler<RegisterUserCommand> {
  constructor(
    private readonly users: UserRepository,
    private readonly hasher: PasswordHasher,
    private readonly ids: IdGenerator,
    private readonly clock: Clock,
    private readonly events: DomainEventPublisher,
    private readonly confirmations: EmailConfirmationMailer,
  ) {}

  async execute(command: RegisterUserCommand): Promise<Registered> {
    const user = User.register({
      id: this.ids.next(),
      name: command.name,
      email: command.email,
      passwordHash: await this.hasher.hash(command.password),
      now: this.clock.now(),
    });
    // No look-up first: the unique index decides, so two concurrent sign-ups cannot both win.
    await this.users.create(user);
    await this.events.publish(user.pullEvents());
    const { delivery } = await this.confirmations.send(user, user.email, command.confirmPageUrl);
    return { user: toUserView(user), delivery };
  }
}
