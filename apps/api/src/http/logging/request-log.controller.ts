import { type FastifyReply, type FastifyRequest, LogController } from 'fastify';
import type { Logger as PinoLogger } from 'pino';
import { REDACT_CENSOR } from './logger-options';

/** Probes every few seconds would drown the request log. */
const UNLOGGED = /^\/api\/health(?:\/|$)/;

/** Routes whose address is itself the credential: their line shows the route, never the path. */
const CREDENTIAL_IN_PATH = new Set(['/api/v1/calendar/:feed']);

/**
 * Fastify's request logging, reshaped: one line per request when it completes (none when it
 * starts), with what an operator needs — route, method, path without its query, status, duration,
 * the user, the correlation id.
 *
 * A line that carries no error is built here from those fields only, none of which can hold a
 * secret (a calendar feed's address is logged as its route), so it is written through a child of
 * the root logger without the redactor: @pinojs/redact re-parses its paths and clones the line's
 * `req`/`res` objects on every call, ~12 kB and several per cent of a cached page's CPU. A line
 * with an error goes through the request's own (redacting) logger, since an error may carry anything.
 */
export class RequestLogController extends LogController {
  private readonly lines: PinoLogger;

  constructor(root: PinoLogger) {
    super({ requestIdLogLabel: 'correlationId', disableRequestLogging: (req: FastifyRequest) => UNLOGGED.test(req.url) });
    this.lines = root.child({}, { redact: { paths: [], censor: REDACT_CENSOR } });
  }

  override incomingRequest(): void {
    // The completed line says it all.
  }

  override requestCompleted(error: Error | null | undefined, request: FastifyRequest, reply: FastifyReply): void {
    if (this.isLogDisabled(request)) return;
    const status = reply.statusCode;
    const route = request.routeOptions.url;
    const line = {
      route,
      req: { method: request.method, url: route && CREDENTIAL_IN_PATH.has(route) ? route : request.url.split('?')[0] },
      res: { statusCode: status },
      responseTime: reply.elapsedTime,
      userId: (request as { user?: { id?: string } }).user?.id,
    };
    if (error || status >= 500) reply.log.error({ ...line, ...(error ? { err: error } : {}) }, 'request completed');
    else if (status >= 400) this.lines.warn({ correlationId: request.id, ...line }, 'request completed');
    else this.lines.info({ correlationId: request.id, ...line }, 'request completed');
  }
}
