import { Inject, Injectable } from '@nestjs/common';
import { PassportStrategy } from '@nestjs/passport';
import { JWT_ALGORITHM, JWT_SETTINGS, type JwtSettings } from '@primetrade/infrastructure';
import { ExtractJwt, Strategy } from 'passport-jwt';
import type { AuthenticatedUser } from './authenticated-user';

interface AccessTokenPayload {
  sub: string;
  email: string;
}

/** Verifies bearer tokens: one pinned algorithm (so `alg: none` or RS/HS confusion fails), issuer and audience. */
@Injectable()
export class JwtStrategy extends PassportStrategy(Strategy) {
  constructor(@Inject(JWT_SETTINGS) settings: JwtSettings) {
    super({
      jwtFromRequest: ExtractJwt.fromAuthHeaderAsBearerToken(),
      secretOrKey: settings.key as never,
      algorithms: [JWT_ALGORITHM],
      issuer: settings.issuer,
      audience: settings.audience,
      ignoreExpiration: false,
    });
  }

  validate(payload: AccessTokenPayload): AuthenticatedUser {
    return { id: payload.sub, email: payload.email };
  }
}
