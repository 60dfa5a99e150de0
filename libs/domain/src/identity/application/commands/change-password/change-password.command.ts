import { Command } from '@nestjs/cqrs';

/** A signed-in user changes their password; every other session ends, this one stays. */
export class ChangePasswordCommand extends Command<void> {
  constructor(
    readonly userId: string,
    readonly currentSessionId: string | undefined,
    readonly currentPassword: string,
    readonly newPassword: string,
  ) {
    super();
  }
}
