import { Command } from '@nestjs/cqrs';

/** Sets a new password with the token from a reset mail; every session of the account ends. */
export class ResetPasswordCommand extends Command<void> {
  constructor(
    readonly token: string,
    readonly newPassword: string,
  ) {
    super();
  }
}
