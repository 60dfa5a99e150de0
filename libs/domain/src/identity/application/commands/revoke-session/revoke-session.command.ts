import { Command } from '@nestjs/cqrs';

/** Signs one of the user's sessions out (its refresh token stops working). */
export class RevokeSessionCommand extends Command<void> {
  constructor(
    readonly userId: string,
    readonly sessionId: string,
  ) {
    super();
  }
}

/** Signs out every session of the user but the one making the request. */
export class RevokeOtherSessionsCommand extends Command<{ revoked: number }> {
  constructor(
    readonly userId: string,
    readonly currentSessionId: string | undefined,
  ) {
    super();
  }
}
