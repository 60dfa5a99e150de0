import { type CanActivate, type ExecutionContext, Inject, Injectable, UnauthorizedException } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { JwtService } from '@nestjs/jwt';
import { JWT_ALGORITHM, JWT_SETTINGS, type JwtSettings } from '@primetrade/infrastructure';
import type { AuthenticatedUser } from './authenticated-user';
import { IS_PUBLIC } from './public.decorator';

interface AccessTokenPayload {
  sub: string;
  email: string;
  sid?: string;
}

/** `Authorization: Bearer <token>` (scheme case-insensitive), as passport-jwt read it before. */
const BEARER = /^(\S+)\s+(\S+)$/;

/**
 * Global guard: every route needs a valid bearer token unless marked @Public(). Verifies it
 * directly (no passport round trip per request): one pinned algorithm (so `alg: none` or RS/HS
 * confusion fails), the KeyObject, issuer, audience and expiry.
 */
@Injectable()
export class JwtAuthGuard implements CanActivate {
  private readonly verifyOptions;

  constructor(
    private readonly reflector: Reflector,
    private readonly jwt: JwtService,
    @Inject(JWT_SETTINGS) settings: JwtSettings,
  ) {
    this.verifyOptions = {
      secret: settings.key as never,
      algorithms: [JWT_ALGORITHM],
      issuer: settings.issuer,
      audience: settings.audience,
    };
  }

  canActivate(context: ExecutionContext): boolean {
    if (this.reflector.getAllAndOverride<boolean>(IS_PUBLIC, [context.getHandler(), context.getClass()])) return true;
    const request = context.switchToHttp().getRequest<{ headers: { authorization?: string }; user?: AuthenticatedUser }>();
    const match = BEARER.exec(request.headers.authorization ?? '');
    if (!match || match[1].toLowerCase() !== 'bearer') throw new UnauthorizedException();
    let payload: AccessTokenPayload;
    try {
      payload = this.jwt.verify<AccessTokenPayload>(match[2], this.verifyOptions);
    } catch {
      throw new UnauthorizedException();
    }
    if (typeof payload.sub !== 'string' || !payload.sub) throw new UnauthorizedException();
    request.user = { id: payload.sub, email: payload.email, sessionId: typeof payload.sid === 'string' ? payload.sid : undefined };
    return true;
  }
}
