import { Command } from '@nestjs/cqrs';
import type { AuthTokens } from '../../auth-tokens';

export class LogInCommand extends Command<AuthTokens> {
  constructor(
    readonly email: string,
    readonly password: string,
    /** The client's User-Agent, shown in the session list. */
    readonly userAgent?: string,
  ) {
    super();
  }
}
