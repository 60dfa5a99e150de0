import { Injectable } from '@nestjs/common';
import { ThrottlerGuard, type ThrottlerRequest } from '@nestjs/throttler';
import type { FastifyReply, FastifyRequest } from 'fastify';

interface PolicyState {
  name: string;
  limit: number;
  windowSeconds: number;
  remaining: number;
  resetSeconds: number;
}

const RATE_LIMIT_STATE = Symbol('rate-limit-state');

/**
 * @nestjs/throttler with the IETF RateLimit / RateLimit-Policy headers (structured-field form,
 * one item per policy that applied) and Retry-After on 429.
 */
@Injectable()
export class RateLimitGuard extends ThrottlerGuard {
  protected override async handleRequest(props: ThrottlerRequest): Promise<boolean> {
    const { context, limit, ttl, throttler, blockDuration, getTracker, generateKey } = props;
    const http = context.switchToHttp();
    const req = http.getRequest<FastifyRequest & { [RATE_LIMIT_STATE]?: PolicyState[] }>();
    const res = http.getResponse<FastifyReply>();
    const name = throttler.name ?? 'default';

    const tracker = await getTracker(req as never, context);
    const key = generateKey(context, tracker, name);
    const { totalHits, timeToExpire, isBlocked, timeToBlockExpire } = await this.storageService.increment(
      key,
      ttl,
      limit,
      blockDuration,
      name,
    );

    const policies = (req[RATE_LIMIT_STATE] ??= []);
    policies.push({
      name,
      limit,
      windowSeconds: Math.ceil(ttl / 1000),
      remaining: Math.max(0, limit - totalHits),
      resetSeconds: timeToExpire,
    });
    void res.header('RateLimit-Policy', policies.map((p) => `"${p.name}";q=${p.limit};w=${p.windowSeconds}`).join(', '));
    void res.header('RateLimit', policies.map((p) => `"${p.name}";r=${p.remaining};t=${p.resetSeconds}`).join(', '));

    if (isBlocked) {
      void res.header('Retry-After', String(Math.max(1, timeToBlockExpire)));
      await this.throwThrottlingException(context, { limit, ttl, key, tracker, totalHits, timeToExpire, isBlocked, timeToBlockExpire });
    }
    return true;
  }
}
