export interface AccessTokenClaims {
  userId: string;
  email: string;
  /** The session family the token belongs to (`sid`), so a request knows its own session. */
  sessionId: string;
}

export interface IssuedAccessToken {
  token: string;
  expiresInSeconds: number;
}

/** Access tokens (signed, short-lived) and refresh tokens (random, only their hash is stored). */
export abstract class TokenService {
  abstract issueAccessToken(claims: AccessTokenClaims): Promise<IssuedAccessToken>;
  abstract newRefreshToken(): string;
  abstract hashRefreshToken(token: string): string;
  abstract readonly refreshTokenTtlSeconds: number;
}
