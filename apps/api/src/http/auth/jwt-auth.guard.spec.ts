import type { ExecutionContext } from '@nestjs/common';
import { UnauthorizedException } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { JwtService } from '@nestjs/jwt';
import { jwtKey, type JwtSettings } from '@primetrade/infrastructure';
import { JwtAuthGuard } from './jwt-auth.guard';

const settings: JwtSettings = {
  key: jwtKey('guard-spec-secret-guard-spec-secret-guard'),
  issuer: 'primetrade',
  audience: 'primetrade-api',
  accessTtlSeconds: 60,
  refreshTtlSeconds: 3600,
};

/** The guard's verified-token cache must never accept what verification would refuse. */
describe('JwtAuthGuard', () => {
  const jwt = new JwtService();
  const reflector = { getAllAndOverride: () => false } as unknown as Reflector;
  let guard: JwtAuthGuard;
  beforeEach(() => {
    jest.useFakeTimers({ now: new Date('2026-11-30T12:00:00Z'), doNotFake: ['nextTick', 'setImmediate'] });
    guard = new JwtAuthGuard(reflector, jwt, settings);
  });
  afterEach(() => jest.useRealTimers());

  const sign = (payload: object, options: object = {}) =>
    jwt.sign(payload, {
      secret: settings.key as never,
      algorithm: 'HS256',
      issuer: settings.issuer,
      audience: settings.audience,
      expiresIn: settings.accessTtlSeconds,
      ...options,
    });
  const request = (token: string) => ({ headers: { authorization: `Bearer ${token}` } }) as { headers: object; user?: { id: string } };
  const context = (req: object) =>
    ({ getHandler: () => null, getClass: () => null, switchToHttp: () => ({ getRequest: () => req }) }) as unknown as ExecutionContext;
  const activate = (token: string) => {
    const req = request(token);
    guard.canActivate(context(req));
    return req.user?.id;
  };

  it('accepts a valid token, again and again', () => {
    const token = sign({ sub: 'u1', email: 'a@example.com' });
    expect(activate(token)).toBe('u1');
    expect(activate(token)).toBe('u1');
  });

  it('refuses a token once it has expired, though it was accepted before', () => {
    const token = sign({ sub: 'u1', email: 'a@example.com' });
    expect(activate(token)).toBe('u1');
    jest.advanceTimersByTime(59_000);
    expect(activate(token)).toBe('u1');
    jest.advanceTimersByTime(1_000);
    expect(() => activate(token)).toThrow(UnauthorizedException);
  });

  it('refuses a token before its not-before time', () => {
    const token = sign({ sub: 'u1', email: 'a@example.com' }, { notBefore: 30 });
    expect(() => activate(token)).toThrow(UnauthorizedException);
    jest.advanceTimersByTime(30_000);
    expect(activate(token)).toBe('u1');
  });

  it('refuses a token whose signature does not match, even one character from a cached one', () => {
    const token = sign({ sub: 'u1', email: 'a@example.com' });
    expect(activate(token)).toBe('u1');
    const at = token.length - 10; // inside the signature
    const tampered = token.slice(0, at) + (token[at] === 'A' ? 'B' : 'A') + token.slice(at + 1);
    expect(() => activate(tampered)).toThrow(UnauthorizedException);
    const otherKey = new JwtService().sign(
      { sub: 'u1' },
      { secret: 'another-secret-another-secret-another', issuer: settings.issuer, audience: settings.audience },
    );
    expect(() => activate(otherKey)).toThrow(UnauthorizedException);
  });
});
