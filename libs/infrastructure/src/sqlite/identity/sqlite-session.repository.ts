import { Injectable } from '@nestjs/common';
import { Session, SessionRepository, type SessionSummary } from '@primetrade/domain';
import { SqliteDatabase } from '../database/sqlite-database';

interface SessionRow {
  id: string;
  user_id: string;
  family_id: string;
  token_hash: string;
  created_at: number;
  expires_at: number;
  rotated_at: number | null;
  revoked_at: number | null;
  user_agent: string | null;
}

const date = (ms: number | null): Date | null => (ms === null ? null : new Date(ms));

@Injectable()
export class SqliteSessionRepository extends SessionRepository {
  constructor(private readonly sqlite: SqliteDatabase) {
    super();
  }

  async create(session: Session): Promise<void> {
    const p = session.props;
    // Drop sessions whose whole family has expired, here (indexed) instead of running a sweeper.
    // A rotated session stays while its family lives on: its replay, even after its own expiry,
    // must still be recognised as reuse and revoke the family.
    this.sqlite
      .statement(
        'DELETE FROM sessions WHERE expires_at < @now AND NOT EXISTS (SELECT 1 FROM sessions AS alive WHERE alive.family_id = sessions.family_id AND alive.expires_at >= @now)',
      )
      .run({ now: p.createdAt.getTime() });
    this.sqlite
      .statement(
        'INSERT INTO sessions (id, user_id, family_id, token_hash, created_at, expires_at, rotated_at, revoked_at, user_agent) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)',
      )
      .run(
        p.id,
        p.userId,
        p.familyId,
        p.tokenHash,
        p.createdAt.getTime(),
        p.expiresAt.getTime(),
        p.rotatedAt?.getTime() ?? null,
        p.revokedAt?.getTime() ?? null,
        p.userAgent,
      );
  }

  async findByTokenHash(tokenHash: string): Promise<Session | null> {
    const row = this.sqlite.statement('SELECT * FROM sessions WHERE token_hash = ?').get(tokenHash) as SessionRow | undefined;
    if (!row) return null;
    return Session.restore({
      id: row.id,
      userId: row.user_id,
      familyId: row.family_id,
      tokenHash: row.token_hash,
      createdAt: new Date(row.created_at),
      expiresAt: new Date(row.expires_at),
      rotatedAt: date(row.rotated_at),
      revokedAt: date(row.revoked_at),
      userAgent: row.user_agent,
    });
  }

  async markRotated(sessionId: string, at: Date): Promise<boolean> {
    const result = this.sqlite
      .statement('UPDATE sessions SET rotated_at = ? WHERE id = ? AND rotated_at IS NULL AND revoked_at IS NULL')
      .run(at.getTime(), sessionId);
    return result.changes === 1;
  }

  /** The live link of each family (one per family: the others are rotated), with the family's start. */
  async listActive(userId: string, now: Date): Promise<SessionSummary[]> {
    const rows = this.sqlite
      .statement(
        `SELECT live.family_id, live.created_at, live.user_agent,
                (SELECT MIN(first.created_at) FROM sessions AS first WHERE first.family_id = live.family_id) AS started_at
         FROM sessions AS live
         WHERE live.user_id = ? AND live.rotated_at IS NULL AND live.revoked_at IS NULL AND live.expires_at > ?
         ORDER BY live.created_at DESC, live.family_id`,
      )
      .all(userId, now.getTime()) as { family_id: string; created_at: number; user_agent: string | null; started_at: number }[];
    return rows.map((r) => ({
      id: r.family_id,
      createdAt: new Date(r.started_at),
      lastUsedAt: new Date(r.created_at),
      userAgent: r.user_agent,
    }));
  }

  async revokeAllOfUser(userId: string, at: Date): Promise<void> {
    this.sqlite.statement('UPDATE sessions SET revoked_at = ? WHERE user_id = ? AND revoked_at IS NULL').run(at.getTime(), userId);
  }

  async revokeFamily(familyId: string, at: Date): Promise<void> {
    this.sqlite.statement('UPDATE sessions SET revoked_at = ? WHERE family_id = ? AND revoked_at IS NULL').run(at.getTime(), familyId);
  }
}
