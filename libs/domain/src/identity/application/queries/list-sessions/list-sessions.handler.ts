import { type IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { Clock } from '../../../../shared/ports/clock.port';
import { SessionRepository } from '../../../ports/session.repository.port';
import { ListSessionsQuery, type SessionListItem } from './list-sessions.query';

@QueryHandler(ListSessionsQuery)
export class ListSessionsHandler implements IQueryHandler<ListSessionsQuery> {
  constructor(
    private readonly sessions: SessionRepository,
    private readonly clock: Clock,
  ) {}

  async execute(query: ListSessionsQuery): Promise<SessionListItem[]> {
    const active = await this.sessions.listActive(query.userId, this.clock.now());
    return active.map((session) => ({ ...session, current: session.id === query.currentSessionId }));
  }
}
