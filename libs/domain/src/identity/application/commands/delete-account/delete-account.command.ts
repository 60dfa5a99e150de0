import { Command } from '@nestjs/cqrs';

/** "Delete my account": everything the service holds about the user goes (the password is needed). */
export class DeleteAccountCommand extends Command<void> {
  constructor(
    readonly userId: string,
    readonly password: string,
  ) {
    super();
  }
}
