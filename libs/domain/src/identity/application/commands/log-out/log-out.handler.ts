import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { Clock } from '../../../../shared/ports/clock.port';
import { SessionRepository } from '../../../ports/session.repository.port';
import { TokenService } from '../../../ports/token.service.port';
import { LogOutCommand } from './log-out.command';

/** Ends the session family of the token. Unknown tokens are ignored: logout is idempotent. */
@CommandHandler(LogOutCommand)
export class LogOutHandler implements ICommandHandler<LogOutCommand> {
  constructor(
    private readonly sessions: SessionRepository,
    private readonly tokens: TokenService,
    private readonly clock: Clock,
  ) {}

  async execute(command: LogOutCommand): Promise<void> {
    const session = await this.sessions.findByTokenHash(this.tokens.hashRefreshToken(command.refreshToken));
    if (session) await this.sessions.revokeFamily(session.familyId, this.clock.now());
  }
}
