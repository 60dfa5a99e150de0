import { Command } from '@nestjs/cqrs';

export interface ConfirmationMailed {
  /** The mail on its way: the edge answers without waiting for it. */
  delivery: Promise<void>;
}

/** "Send the confirmation link again" for the signed-in user's current address. */
export class SendEmailConfirmationCommand extends Command<ConfirmationMailed> {
  constructor(
    readonly userId: string,
    /** Where the web app takes the token: the link is `${confirmPageUrl}?token=…`. */
    readonly confirmPageUrl: string,
  ) {
    super();
  }
}
