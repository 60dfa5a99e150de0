import { Command } from '@nestjs/cqrs';

export interface EmailChangeRequested {
  /** The confirmation mail to the new address and the notice to the current one, on their way. */
  delivery: Promise<void>;
}

/**
 * A new address for the account (the current password is needed). It takes effect only when the
 * link mailed to the new address is followed; the current address is told of the request.
 */
export class ChangeEmailCommand extends Command<EmailChangeRequested> {
  constructor(
    readonly userId: string,
    readonly newEmail: string,
    readonly currentPassword: string,
    readonly confirmPageUrl: string,
  ) {
    super();
  }
}
