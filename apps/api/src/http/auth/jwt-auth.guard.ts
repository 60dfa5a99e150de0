import { type CanActivate, type ExecutionContext, Inject, Injectable, UnauthorizedException } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { JwtService } from '@nestjs/jwt';
import { JWT_ALGORITHM, JWT_SETTINGS, type JwtSettings } from '@primetrade/infrastructure';
import { LRUCache } from 'lru-cache';
import type { AuthenticatedUser } from './authenticated-user';
import { IS_PUBLIC } from './public.decorator';

interface AccessTokenPayload {
  sub: string;
  email: string;
  sid?: string;
  /** Seconds since the epoch (jsonwebtoken sets both when signing). */
  exp?: number;
  nbf?: number;
}

/** `Authorization: Bearer <token>` (scheme case-insensitive), as passport-jwt read it before. */
const BEARER = /^(\S+)\s+(\S+)$/;

/**
 * Global guard: every route needs a valid bearer token unless marked @Public(). Verifies it
 * directly (no passport round trip per request): one pinned algorithm (so `alg: none` or RS/HS
 * confusion fails), the KeyObject, issuer, audience and expiry.
 *
 * A token already verified is not verified again while it is valid: the exact token string maps
 * to its payload, and a hit checks only the expiry and not-before against the clock. A client
 * sends one token for many requests, and the signature check and JSON parsing were ~7 % of a
 * list request's CPU. The key is read once at start-up, so nothing cached can outlive it.
 */
@Injectable()
export class JwtAuthGuard implements CanActivate {
  private readonly verifyOptions;
  private readonly verified = new LRUCache<string, AccessTokenPayload>({ max: 10_000 });

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
    const payload = this.payloadOf(match[2]);
    request.user = { id: payload.sub, email: payload.email, sessionId: typeof payload.sid === 'string' ? payload.sid : undefined };
    return true;
  }

  private payloadOf(token: string): AccessTokenPayload {
    const now = Date.now() / 1000;
    const cached = this.verified.get(token);
    if (cached && (cached.exp === undefined || now < cached.exp) && (cached.nbf === undefined || now >= cached.nbf)) return cached;
    let payload: AccessTokenPayload;
    try {
      payload = this.jwt.verify<AccessTokenPayload>(token, this.verifyOptions);
    } catch {
      this.verified.delete(token);
      throw new UnauthorizedException();
    }
    if (typeof payload.sub !== 'string' || !payload.sub) throw new UnauthorizedException();
    this.verified.set(token, payload);
    return payload;
  }
}
