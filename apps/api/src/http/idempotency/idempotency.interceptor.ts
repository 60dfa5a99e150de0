import { type CallHandler, type ExecutionContext, Injectable, type NestInterceptor } from '@nestjs/common';
import { HTTP_CODE_METADATA } from '@nestjs/common/constants';
import { Reflector } from '@nestjs/core';
import {
  Clock,
  IdempotencyKeyInProgressError,
  IdempotencyKeyReusedError,
  IdempotencyStore,
  InvalidIdempotencyKeyError,
  type StoredResponse,
} from '@primetrade/domain';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { catchError, from, mergeMap, type Observable, of, throwError } from 'rxjs';
import type { AuthenticatedUser } from '../auth/authenticated-user';
import { parseIdempotencyKey, requestFingerprint } from './request-fingerprint';

export const IDEMPOTENCY_KEY_HEADER = 'idempotency-key';
/** Marks an answer that is the stored response of an earlier request with the same key. */
export const IDEMPOTENT_REPLAYED_HEADER = 'idempotent-replayed';
/** How long a key and its response are kept. */
export const IDEMPOTENCY_TTL_MS = 24 * 3_600_000;
/** The response headers a replay repeats. */
const REPLAYED_HEADERS = ['content-type', 'location', 'etag'];

/**
 * The IETF Idempotency-Key header on a creating POST: the first request runs and its response is
 * kept for 24 hours per user and key; a retry of the same request gets that response again
 * (marked `Idempotent-Replayed: true`) and creates nothing; the same key on another request is a
 * 422, a retry while the first still runs a 409. The store decides, so this holds across replicas.
 * A first request that fails keeps nothing: its retry runs again.
 */
@Injectable()
export class IdempotencyInterceptor implements NestInterceptor {
  constructor(
    private readonly store: IdempotencyStore,
    private readonly clock: Clock,
    private readonly reflector: Reflector,
  ) {}

  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    const http = context.switchToHttp();
    const request = http.getRequest<FastifyRequest & { user?: AuthenticatedUser }>();
    const header = request.headers[IDEMPOTENCY_KEY_HEADER];
    if (header === undefined || !request.user) return next.handle();
    const key = typeof header === 'string' ? parseIdempotencyKey(header) : null;
    if (key === null) return throwError(() => new InvalidIdempotencyKeyError());

    const reply = http.getResponse<FastifyReply>();
    const ownerId = request.user.id;
    const now = this.clock.now();
    const claim = this.store.claim(ownerId, key, requestFingerprint(request), now, new Date(now.getTime() + IDEMPOTENCY_TTL_MS));
    return from(claim).pipe(
      mergeMap((decision) => {
        switch (decision.outcome) {
          case 'mismatch':
            return throwError(() => new IdempotencyKeyReusedError());
          case 'in-progress':
            return throwError(() => new IdempotencyKeyInProgressError());
          case 'replay':
            return of(this.replay(reply, decision.response));
          case 'claimed':
            return this.runFirst(context, next, reply, ownerId, key);
        }
      }),
    );
  }

  private runFirst(context: ExecutionContext, next: CallHandler, reply: FastifyReply, ownerId: string, key: string): Observable<unknown> {
    return next.handle().pipe(
      // Kept before the answer leaves, so a retry right after it is already a replay.
      mergeMap(async (body: unknown) => {
        await this.store.complete(ownerId, key, this.response(context, reply, body));
        return body;
      }),
      catchError((error: unknown) => from(this.store.release(ownerId, key)).pipe(mergeMap(() => throwError(() => error)))),
    );
  }

  private response(context: ExecutionContext, reply: FastifyReply, body: unknown): StoredResponse {
    const routeStatus = this.reflector.get<number | undefined>(HTTP_CODE_METADATA, context.getHandler()) ?? 201;
    const headers: Record<string, string> = { 'content-type': 'application/json; charset=utf-8' };
    for (const name of REPLAYED_HEADERS) {
      const value = reply.getHeader(name);
      if (typeof value === 'string') headers[name] = value;
    }
    return { status: reply.statusCode !== 200 ? reply.statusCode : routeStatus, headers, body: JSON.stringify(body ?? null) };
  }

  private replay(reply: FastifyReply, response: StoredResponse): unknown {
    void reply.status(response.status).headers({ ...response.headers, [IDEMPOTENT_REPLAYED_HEADER]: 'true' });
    return JSON.parse(response.body) as unknown;
  }
}
