import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { Clock } from '../../../../shared/ports/clock.port';
import { InvalidRefreshTokenError } from '../../../model/identity.errors';
import { SessionRepository } from '../../../ports/session.repository.port';
import { TokenService } from '../../../ports/token.service.port';
import { UserRepository } from '../../../ports/user.repository.port';
import type { AuthTokens } from '../../auth-tokens';
import { SessionIssuer } from '../../session-issuer';
import { RefreshSessionCommand } from './refresh-session.command';

@CommandHandler(RefreshSessionCommand)
export class RefreshSessionHandler implements ICommandHandler<RefreshSessionCommand> {
  constructor(
    private readonly sessions: SessionRepository,
    private readonly users: UserRepository,
    private readonly tokens: TokenService,
    private readonly issuer: SessionIssuer,
    private readonly clock: Clock,
  ) {}

  async execute(command: RefreshSessionCommand): Promise<AuthTokens> {
    const now = this.clock.now();
    const session = await this.sessions.findByTokenHash(this.tokens.hashRefreshToken(command.refreshToken));
    if (!session) throw new InvalidRefreshTokenError();

    const state = session.stateAt(now);
    if (state === 'reused') {
      // A rotated token came back: someone holds a copy. End every session of the family.
      await this.sessions.revokeFamily(session.familyId, now);
      throw new InvalidRefreshTokenError();
    }
    if (state !== 'active') throw new InvalidRefreshTokenError();

    if (!(await this.sessions.markRotated(session.id, now))) {
      // Lost a race with a simultaneous refresh of the same token (two tabs, a retried
      // request): refuse this one and keep the winner's session. Revoking here would race the
      // winner's insert and could not guarantee an empty family anyway; reuse *after* rotation
      // is what signals theft, and that path above revokes.
      throw new InvalidRefreshTokenError();
    }
    const user = await this.users.findById(session.userId);
    if (!user || !user.isActive) throw new InvalidRefreshTokenError();
    return this.issuer.issue(user, { familyId: session.familyId, userAgent: command.userAgent });
  }
}
