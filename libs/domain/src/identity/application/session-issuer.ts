import { Injectable } from '@nestjs/common';
import { Clock } from '../../shared/ports/clock.port';
import { IdGenerator } from '../../shared/ports/id-generator.port';
import { Session } from '../model/session.entity';
import type { User } from '../model/user.entity';
import { SessionRepository } from '../ports/session.repository.port';
import { TokenService } from '../ports/token.service.port';
import type { AuthTokens } from './auth-tokens';

/** Starts a refresh-token session (new family or the next link of one) and signs the access token. */
@Injectable()
export class SessionIssuer {
  constructor(
    private readonly sessions: SessionRepository,
    private readonly tokens: TokenService,
    private readonly ids: IdGenerator,
    private readonly clock: Clock,
  ) {}

  async issue(user: Pick<User, 'id' | 'email'>, options: { familyId?: string; userAgent?: string } = {}): Promise<AuthTokens> {
    const refreshToken = this.tokens.newRefreshToken();
    const id = this.ids.next();
    await this.sessions.create(
      Session.start({
        id,
        userId: user.id,
        familyId: options.familyId ?? id,
        tokenHash: this.tokens.hashRefreshToken(refreshToken),
        now: this.clock.now(),
        ttlMs: this.tokens.refreshTokenTtlSeconds * 1000,
        userAgent: options.userAgent,
      }),
    );
    const access = await this.tokens.issueAccessToken({ userId: user.id, email: user.email, sessionId: options.familyId ?? id });
    return {
      accessToken: access.token,
      refreshToken,
      expiresIn: access.expiresInSeconds,
      refreshExpiresIn: this.tokens.refreshTokenTtlSeconds,
    };
  }
}
