import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { Clock } from '../../../../shared/ports/clock.port';
import { SessionNotFoundError } from '../../../model/identity.errors';
import { SessionRepository } from '../../../ports/session.repository.port';
import { RevokeOtherSessionsCommand, RevokeSessionCommand } from './revoke-session.command';

@CommandHandler(RevokeSessionCommand)
export class RevokeSessionHandler implements ICommandHandler<RevokeSessionCommand> {
  constructor(
    private readonly sessions: SessionRepository,
    private readonly clock: Clock,
  ) {}

  async execute({ userId, sessionId }: RevokeSessionCommand): Promise<void> {
    const now = this.clock.now();
    // Only the user's own live sessions: anyone else's id is unknown here (404), never revoked.
    const mine = await this.sessions.listActive(userId, now);
    if (!mine.some((s) => s.id === sessionId)) throw new SessionNotFoundError();
    await this.sessions.revokeFamily(sessionId, now);
  }
}

@CommandHandler(RevokeOtherSessionsCommand)
export class RevokeOtherSessionsHandler implements ICommandHandler<RevokeOtherSessionsCommand> {
  constructor(
    private readonly sessions: SessionRepository,
    private readonly clock: Clock,
  ) {}

  async execute({ userId, currentSessionId }: RevokeOtherSessionsCommand): Promise<{ revoked: number }> {
    const now = this.clock.now();
    const others = (await this.sessions.listActive(userId, now)).filter((s) => s.id !== currentSessionId);
    for (const session of others) await this.sessions.revokeFamily(session.id, now);
    return { revoked: others.length };
  }
}
