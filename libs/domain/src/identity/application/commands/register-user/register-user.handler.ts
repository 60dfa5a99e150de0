import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { Clock } from '../../../../shared/ports/clock.port';
import { DomainEventPublisher } from '../../../../shared/ports/event-publisher.port';
import { IdGenerator } from '../../../../shared/ports/id-generator.port';
import { User } from '../../../model/user.entity';
import { PasswordHasher } from '../../../ports/password-hasher.port';
import { UserRepository } from '../../../ports/user.repository.port';
import { toUserView, type UserView } from '../../user.view';
import { RegisterUserCommand } from './register-user.command';

@CommandHandler(RegisterUserCommand)
export class RegisterUserHandler implements ICommandHandler<RegisterUserCommand> {
  constructor(
    private readonly users: UserRepository,
    private readonly hasher: PasswordHasher,
    private readonly ids: IdGenerator,
    private readonly clock: Clock,
    private readonly events: DomainEventPublisher,
  ) {}

  async execute(command: RegisterUserCommand): Promise<UserView> {
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
    return toUserView(user);
  }
}
