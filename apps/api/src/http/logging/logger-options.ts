import { randomUUID } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { type DestinationStream, destination as pinoDestination } from 'pino';
import { RequestMethod } from '@nestjs/common';
import type { Params } from 'nestjs-pino';
import type { AppConfig } from '../../config/app-config';

const SANE_CORRELATION_ID = /^[A-Za-z0-9._-]{1,128}$/;

/** The caller's X-Correlation-ID when it is sane, otherwise a fresh UUID. */
export function correlationIdFor(header: string | string[] | undefined): string {
  return typeof header === 'string' && SANE_CORRELATION_ID.test(header) ? header : randomUUID();
}

/** Set on the raw request by a Fastify hook, since pino-http only sees the Node request. */
export interface RequestLogContext {
  route?: string;
  userId?: string;
}
export const LOG_CONTEXT = Symbol.for('primetrade.log-context');

type RawRequest = IncomingMessage & { id?: string; [LOG_CONTEXT]?: RequestLogContext };

/** Paths pino redacts wherever they appear in a log object. */
export const REDACT_PATHS = [
  'req.headers.authorization',
  'req.headers.cookie',
  'res.headers["set-cookie"]',
  '*.password',
  '*.refreshToken',
  '*.accessToken',
  'password',
  'refreshToken',
  'accessToken',
];

export function loggerOptions(config: AppConfig, destination?: DestinationStream): Params {
  const options = {
    level: config.logLevel,
    // Fastify assigned the correlation id as the request id (see genReqId in create-app).
    genReqId: (req: IncomingMessage) => (req as RawRequest).id ?? correlationIdFor(req.headers['x-correlation-id']),
    redact: { paths: REDACT_PATHS, censor: '[redacted]' },
    // One line per request, with what an operator needs and nothing more.
    serializers: {
      req: (req: { method: string; url: string }) => ({ method: req.method, url: req.url.split('?')[0] }),
      res: (res: { statusCode: number }) => ({ statusCode: res.statusCode }),
    },
    customProps: (req: IncomingMessage) => {
      // pino-http calls this when the request starts (bound to the request's logger) and again
      // when it ends (bound once more): the id goes in the first binding only, the route and
      // user, known once the handler ran, in the second — so each key appears once per line.
      const ctx = (req as RawRequest)[LOG_CONTEXT];
      return ctx ? { route: ctx.route, userId: ctx.userId } : { correlationId: (req as RawRequest).id };
    },
    customLogLevel: (_req: IncomingMessage, res: ServerResponse, err?: Error) =>
      err || res.statusCode >= 500 ? 'error' : res.statusCode >= 400 ? 'warn' : 'info',
    transport: config.env === 'development' && !destination ? { target: 'pino-pretty', options: { singleLine: true } } : undefined,
  };
  // In production, write asynchronously: under load sonic-boom coalesces lines into fewer
  // syscalls; pino flushes it synchronously when the process exits.
  const stream = destination ?? (config.env === 'production' ? pinoDestination({ dest: 1, sync: false }) : undefined);
  return {
    pinoHttp: stream ? [options, stream] : options,
    // Probes every few seconds would drown the request log.
    exclude: [{ method: RequestMethod.ALL, path: 'health/*path' }],
  };
}
