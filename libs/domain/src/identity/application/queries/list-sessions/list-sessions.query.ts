import { Query } from '@nestjs/cqrs';
import type { SessionSummary } from '../../../model/session.entity';

export interface SessionListItem extends SessionSummary {
  /** The session the request itself came with. */
  current: boolean;
}

/** The user's signed-in sessions (devices), most recently used first. */
export class ListSessionsQuery extends Query<SessionListItem[]> {
  constructor(
    readonly userId: string,
    readonly currentSessionId: string | undefined,
  ) {
    super();
  }
}
