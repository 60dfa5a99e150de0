import { Command } from '@nestjs/cqrs';
import type { UserView } from '../../user.view';

/** The link mailed to an address was followed: the address is confirmed (or a change takes effect). */
export class ConfirmEmailCommand extends Command<ConfirmedEmail> {
  constructor(readonly token: string) {
    super();
  }
}

export interface ConfirmedEmail {
  user: UserView;
  /** The notice to the previous address after a change (settled at once otherwise). */
  delivery: Promise<void>;
}
