import { randomUUID } from 'node:crypto';
import { type DestinationStream, type Logger as PinoLogger, pino, destination as pinoDestination } from 'pino';
import type { Params } from 'nestjs-pino';
import type { AppConfig } from '../../config/app-config';

const SANE_CORRELATION_ID = /^[A-Za-z0-9._-]{1,128}$/;

/** The caller's X-Correlation-ID when it is sane, otherwise a fresh UUID. */
export function correlationIdFor(header: string | string[] | undefined): string {
  return typeof header === 'string' && SANE_CORRELATION_ID.test(header) ? header : randomUUID();
}

/** What a redacted value reads as. */
export const REDACT_CENSOR = '[redacted]';

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

/**
 * The process's one pino logger: Fastify's own (each request's `request.log` is its child bound to
 * the correlation id) and Nest's, through nestjs-pino.
 */
export function createRootLogger(config: AppConfig, destination?: DestinationStream): PinoLogger {
  const options = {
    level: config.logLevel,
    redact: { paths: REDACT_PATHS, censor: REDACT_CENSOR },
    transport: config.env === 'development' && !destination ? { target: 'pino-pretty', options: { singleLine: true } } : undefined,
  };
  // In production, write asynchronously: under load sonic-boom coalesces lines into fewer
  // syscalls; pino flushes it synchronously when the process exits.
  const stream = destination ?? (config.env === 'production' ? pinoDestination({ dest: 1, sync: false }) : undefined);
  return stream ? pino(options, stream) : pino(options);
}

/**
 * nestjs-pino on the logger Fastify already has (`useExisting`): no pino-http, no second logger.
 * Its middleware is not mounted (no routes): `bindRequestContext` makes `request.log` the logger of
 * the Nest code serving a request, from a Fastify hook.
 */
export function loggerModuleParams(root: PinoLogger): Params {
  return { pinoHttp: { logger: root }, useExisting: true, forRoutes: [] };
}
