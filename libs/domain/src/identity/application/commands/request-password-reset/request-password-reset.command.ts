import { Command } from '@nestjs/cqrs';

export interface PasswordResetRequested {
  /** The mail on its way (already settled when the address is unknown): the edge answers without waiting for it. */
  delivery: Promise<void>;
}

/** "I forgot my password": mails a reset link when the address belongs to an active account. */
export class RequestPasswordResetCommand extends Command<PasswordResetRequested> {
  constructor(
    readonly email: string,
    /** Where the web app takes the token: the link is `${resetPageUrl}?token=…`. */
    readonly resetPageUrl: string,
  ) {
    super();
  }
}
