import type { Session, SessionSummary } from '../model/session.entity';

export abstract class SessionRepository {
  abstract create(session: Session): Promise<void>;
  abstract findByTokenHash(tokenHash: string): Promise<Session | null>;
  /**
   * Marks an active session as rotated, atomically: returns false when it was already rotated
   * or revoked, so two concurrent refreshes with one token cannot both succeed.
   */
  abstract markRotated(sessionId: string, at: Date): Promise<boolean>;
  abstract revokeFamily(familyId: string, at: Date): Promise<void>;
  /** Ends every session of the user (after a password reset): each refresh token stops working. */
  abstract revokeAllOfUser(userId: string, at: Date): Promise<void>;
  /** The user's families that can still refresh at `now`, the most recently used first. */
  abstract listActive(userId: string, now: Date): Promise<SessionSummary[]>;
}
