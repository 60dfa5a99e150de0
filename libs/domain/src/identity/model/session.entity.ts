/**
 * A refresh-token session. Every refresh rotates the token: the used session is marked
 * rotated and a new one joins the same family. Presenting a rotated token again means it was
 * stolen (or replayed), so the whole family is revoked.
 */
export interface SessionProps {
  id: string;
  userId: string;
  familyId: string;
  tokenHash: string;
  createdAt: Date;
  expiresAt: Date;
  rotatedAt: Date | null;
  revokedAt: Date | null;
  /** The client that signed in or refreshed (User-Agent), to tell a person's sessions apart. */
  userAgent: string | null;
}

/** Longest User-Agent kept (longer ones are cut). */
export const SESSION_USER_AGENT_MAX = 256;

/** One signed-in device as its owner sees it: a session family, while it can still refresh. */
export interface SessionSummary {
  /** The family id: what the access token names as `sid`, and what revoking takes. */
  id: string;
  /** When the person signed in. */
  createdAt: Date;
  /** The last sign-in or refresh. */
  lastUsedAt: Date;
  userAgent: string | null;
}

export type SessionState = 'active' | 'expired' | 'revoked' | 'reused';

export class Session {
  private constructor(readonly props: Readonly<SessionProps>) {}

  static start(input: {
    id: string;
    userId: string;
    familyId: string;
    tokenHash: string;
    now: Date;
    ttlMs: number;
    userAgent?: string | null;
  }): Session {
    return new Session({
      id: input.id,
      userId: input.userId,
      familyId: input.familyId,
      tokenHash: input.tokenHash,
      createdAt: input.now,
      expiresAt: new Date(input.now.getTime() + input.ttlMs),
      rotatedAt: null,
      revokedAt: null,
      userAgent: input.userAgent ? input.userAgent.slice(0, SESSION_USER_AGENT_MAX) : null,
    });
  }

  static restore(props: SessionProps): Session {
    return new Session({ ...props });
  }

  get id(): string {
    return this.props.id;
  }
  get userId(): string {
    return this.props.userId;
  }
  get familyId(): string {
    return this.props.familyId;
  }

  stateAt(now: Date): SessionState {
    if (this.props.revokedAt) return 'revoked';
    if (this.props.rotatedAt) return 'reused';
    if (this.props.expiresAt.getTime() <= now.getTime()) return 'expired';
    return 'active';
  }
}
