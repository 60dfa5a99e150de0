import { Command } from '@nestjs/cqrs';
import type { AuthTokens } from '../../auth-tokens';

export class RefreshSessionCommand extends Command<AuthTokens> {
  constructor(
    readonly refreshToken: string,
    readonly userAgent?: string,
  ) {
    super();
  }
}
