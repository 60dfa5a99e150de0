import { Command } from '@nestjs/cqrs';
import type { UserView } from '../../user.view';

export class RegisterUserCommand extends Command<UserView> {
  constructor(
    readonly name: string,
    readonly email: string,
    readonly password: string,
  ) {
    super();
  }
}
