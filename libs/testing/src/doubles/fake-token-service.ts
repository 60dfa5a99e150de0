import { type AccessTokenClaims, type IssuedAccessToken, TokenService } from '@primetrade/domain';

/** Predictable tokens: `refresh-1`, `refresh-2`, … and an access token that spells its claims. */
export class FakeTokenService extends TokenService {
  private issued = 0;

  constructor(
    readonly refreshTokenTtlSeconds = 7 * 24 * 3600,
    private readonly accessTtlSeconds = 900,
  ) {
    super();
  }

  async issueAccessToken(claims: AccessTokenClaims): Promise<IssuedAccessToken> {
    return { token: `access:${claims.userId}:${claims.email}`, expiresInSeconds: this.accessTtlSeconds };
  }

  newRefreshToken(): string {
    this.issued++;
    return `refresh-${this.issued}`;
  }

  hashRefreshToken(token: string): string {
    return `sha(${token})`;
  }
}
