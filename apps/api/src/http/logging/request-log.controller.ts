import { type FastifyReply, type FastifyRequest, LogController } from 'fastify';

/** Probes every few seconds would drown the request log. */
const UNLOGGED = /^\/api\/health(?:\/|$)/;

/**
 * Fastify's request logging, reshaped: one line per request when it completes (none when it
 * starts), with what an operator needs — route, method, path without its query, status, duration,
 * the user — on the request's logger, which carries the correlation id.
 */
export class RequestLogController extends LogController {
  constructor() {
    super({ requestIdLogLabel: 'correlationId', disableRequestLogging: (req: FastifyRequest) => UNLOGGED.test(req.url) });
  }

  override incomingRequest(): void {
    // The completed line says it all.
  }

  override requestCompleted(error: Error | null | undefined, request: FastifyRequest, reply: FastifyReply): void {
    if (this.isLogDisabled(request)) return;
    const status = reply.statusCode;
    const line = {
      route: request.routeOptions.url,
      req: { method: request.method, url: request.url.split('?')[0] },
      res: { statusCode: status },
      responseTime: reply.elapsedTime,
      userId: (request as { user?: { id?: string } }).user?.id,
      ...(error ? { err: error } : {}),
    };
    if (error || status >= 500) reply.log.error(line, 'request completed');
    else if (status >= 400) reply.log.warn(line, 'request completed');
    else reply.log.info(line, 'request completed');
  }
}
