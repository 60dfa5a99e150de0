import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { AppMetrics } from './app-metrics';

const METHODS = new Set(['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS']);
const startedAt = Symbol('metricsStartedAt');

type TimedRequest = FastifyRequest & { [startedAt]?: bigint };

/** Bounded label values: the matched route template (or "unmatched"), a known method, 2xx..5xx. */
export function httpLabels(request: FastifyRequest, statusCode: number): { method: string; route: string; status_class: string } {
  return {
    method: METHODS.has(request.method) ? request.method : 'OTHER',
    route: request.routeOptions?.url ?? 'unmatched',
    status_class: `${Math.min(Math.max(Math.floor(statusCode / 100), 1), 5)}xx`,
  };
}

/**
 * Fastify hooks rather than a Nest interceptor: they also see requests that never reach a
 * controller (401 from the guard, 404, 413 from the body parser, 429 from the rate limiter).
 */
export function instrumentHttp(fastify: FastifyInstance, metrics: AppMetrics): void {
  // Callback style: an async hook costs a promise and a microtask per request.
  fastify.addHook('onRequest', (request: TimedRequest, _reply, done) => {
    request[startedAt] = process.hrtime.bigint();
    done();
  });
  fastify.addHook('onResponse', (request: TimedRequest, reply: FastifyReply, done) => {
    const labels = httpLabels(request, reply.statusCode);
    metrics.httpRequests.inc(labels);
    const start = request[startedAt];
    if (start !== undefined) metrics.httpDuration.observe(labels, Number(process.hrtime.bigint() - start) / 1e9);
    done();
  });
}
