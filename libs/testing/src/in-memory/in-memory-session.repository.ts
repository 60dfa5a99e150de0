import { Injectable } from '@nestjs/common';
import { Session, SessionRepository, type SessionSummary } from '@primetrade/domain';
import { copySession, InMemoryStore } from './in-memory-store';

@Injectable()
export class InMemorySessionRepository extends SessionRepository {
  constructor(private readonly store: InMemoryStore) {
    super();
  }

  async create(session: Session): Promise<void> {
    const props = session.props;
    if (this.store.sessions.has(props.id)) throw new Error(`Duplicate session id ${props.id}`);
    for (const row of this.store.sessions.values()) {
      if (row.tokenHash === props.tokenHash) throw new Error('Duplicate refresh token hash');
    }
    // As SQLite does: drop sessions whose whole family expired before this one started.
    const since = props.createdAt.getTime();
    const alive = new Set([...this.store.sessions.values()].filter((row) => row.expiresAt.getTime() >= since).map((row) => row.familyId));
    for (const [id, row] of this.store.sessions) {
      if (row.expiresAt.getTime() < since && !alive.has(row.familyId)) this.store.sessions.delete(id);
    }
    this.store.sessions.set(props.id, copySession(props));
  }

  async findByTokenHash(tokenHash: string): Promise<Session | null> {
    for (const row of this.store.sessions.values()) {
      if (row.tokenHash === tokenHash) return Session.restore(copySession(row));
    }
    return null;
  }

  /** Check and write with no await between: two refreshes of one token cannot both win. */
  async markRotated(sessionId: string, at: Date): Promise<boolean> {
    const row = this.store.sessions.get(sessionId);
    if (!row || row.rotatedAt !== null || row.revokedAt !== null) return false;
    this.store.sessions.set(sessionId, { ...row, rotatedAt: new Date(at.getTime()) });
    return true;
  }

  /** Keeps the first revocation time of a session already revoked. */
  async listActive(userId: string, now: Date): Promise<SessionSummary[]> {
    const rows = [...this.store.sessions.values()].filter((row) => row.userId === userId);
    const started = new Map<string, number>();
    for (const row of rows) started.set(row.familyId, Math.min(started.get(row.familyId) ?? Infinity, row.createdAt.getTime()));
    return rows
      .filter((row) => row.rotatedAt === null && row.revokedAt === null && row.expiresAt.getTime() > now.getTime())
      .sort((a, b) => b.createdAt.getTime() - a.createdAt.getTime() || a.familyId.localeCompare(b.familyId))
      .map((row) => ({
        id: row.familyId,
        createdAt: new Date(started.get(row.familyId)!),
        lastUsedAt: new Date(row.createdAt.getTime()),
        userAgent: row.userAgent,
      }));
  }

  async revokeAllOfUser(userId: string, at: Date): Promise<void> {
    for (const [id, row] of this.store.sessions) {
      if (row.userId === userId && row.revokedAt === null) this.store.sessions.set(id, { ...row, revokedAt: new Date(at.getTime()) });
    }
  }

  async revokeFamily(familyId: string, at: Date): Promise<void> {
    for (const [id, row] of this.store.sessions) {
      if (row.familyId === familyId && row.revokedAt === null) {
        this.store.sessions.set(id, { ...row, revokedAt: new Date(at.getTime()) });
      }
    }
  }
}
