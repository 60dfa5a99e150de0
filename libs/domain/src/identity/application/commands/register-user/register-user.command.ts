import { Command } from '@nestjs/cqrs';
import type { UserView } from '../../user.view';

export interface Registered {
  user: UserView;
  /** The confirmation mail on its way: the edge answers without waiting for it. */
  delivery: Promise<void>;
}

/** Sign-up; a link to confirm the address is mailed to it (the app is usable before that). */
export class RegisterUserCommand extends Command<Registered> {
  constructor(
    readonly name: string,
    readonly email: string,
    readonly password: string,
    /** Where the web app takes the confirmation token: the link is `${confirmPageUrl}?token=…`. */
    readonly confirmPageUrl: string,
  ) {
    super();
  }
}
