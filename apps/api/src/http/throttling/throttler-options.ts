import type { ExecutionContext } from '@nestjs/common';
import type { ThrottlerModuleOptions } from '@nestjs/throttler';
import type { AppConfig } from '../../config/app-config';
import { THROTTLE_SCOPE, type ThrottleScope } from './throttle-scopes';

interface ThrottledRequest {
  ip: string;
  user?: { id: string };
  body?: { email?: unknown };
}

const scopeOf = (ctx: ExecutionContext): ThrottleScope | undefined =>
  Reflect.getMetadata(THROTTLE_SCOPE, ctx.getHandler()) as ThrottleScope | undefined;

/** Signed-in callers are limited per user (NAT'd offices share IPs); anonymous ones per IP. */
const userOrIp = async (req: Record<string, unknown>) => {
  const r = req as unknown as ThrottledRequest;
  return r.user ? `user:${r.user.id}` : `ip:${r.ip}`;
};

/** The counter a throttler keeps per tracker: one budget across all routes, not one per route. */
export const throttleKey = (name: string, tracker: string): string => `${name}:${tracker}`;

export function throttlerOptions(config: AppConfig['throttle']): ThrottlerModuleOptions {
  const off = () => !config.enabled;
  return {
    throttlers: [
      {
        name: 'default',
        limit: config.default.limit,
        ttl: config.default.ttlMs,
        skipIf: off,
        getTracker: userOrIp,
        generateKey: (_ctx, tracker, name) => throttleKey(name, tracker),
      },
      {
        name: 'task-create',
        limit: config.taskCreate.limit,
        ttl: config.taskCreate.ttlMs,
        skipIf: (ctx) => off() || scopeOf(ctx) !== 'task-create',
        getTracker: userOrIp,
        generateKey: (_ctx, tracker, name) => throttleKey(name, tracker),
      },
      {
        name: 'account-mail',
        limit: config.accountMail.limit,
        ttl: config.accountMail.ttlMs,
        skipIf: (ctx) => off() || scopeOf(ctx) !== 'account-mail',
        getTracker: userOrIp,
        generateKey: (_ctx, tracker, name) => `${name}:${tracker}`,
      },
      {
        name: 'login',
        limit: config.login.limit,
        ttl: config.login.ttlMs,
        skipIf: (ctx) => off() || scopeOf(ctx) !== 'login',
        getTracker: async (req) => {
          const r = req as unknown as ThrottledRequest;
          const email = typeof r.body?.email === 'string' ? r.body.email.trim().toLowerCase() : '';
          return `ip:${r.ip}|email:${email}`;
        },
        generateKey: (_ctx, tracker, name) => throttleKey(name, tracker),
      },
    ],
    setHeaders: false,
  };
}
