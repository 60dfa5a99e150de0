import { createHash, randomBytes } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';
import { type AccessTokenClaims, type IssuedAccessToken, TokenService } from '@primetrade/domain';
import { JWT_ALGORITHM, JWT_SETTINGS, type JwtSettings } from './jwt-settings';

/** Access tokens are HS256 JWTs; refresh tokens are 256 random bits, stored as SHA-256. */
@Injectable()
export class JwtTokenService extends TokenService {
  constructor(
    private readonly jwt: JwtService,
    @Inject(JWT_SETTINGS) private readonly settings: JwtSettings,
  ) {
    super();
  }

  get refreshTokenTtlSeconds(): number {
    return this.settings.refreshTtlSeconds;
  }

  async issueAccessToken(claims: AccessTokenClaims): Promise<IssuedAccessToken> {
    const token = await this.jwt.signAsync(
      { email: claims.email, sid: claims.sessionId },
      {
        secret: this.settings.key as never,
        algorithm: JWT_ALGORITHM,
        subject: claims.userId,
        issuer: this.settings.issuer,
        audience: this.settings.audience,
        expiresIn: this.settings.accessTtlSeconds,
      },
    );
    return { token, expiresInSeconds: this.settings.accessTtlSeconds };
  }

  newRefreshToken(): string {
    return randomBytes(32).toString('base64url');
  }

  /** A fast hash suffices: the token is 256 random bits, so there is nothing to brute-force. */
  hashRefreshToken(token: string): string {
    return createHash('sha256').update(token).digest('base64url');
  }
}
