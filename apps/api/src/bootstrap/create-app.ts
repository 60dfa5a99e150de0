import multipart from '@fastify/multipart';
import { Logger as NestLogger, VersioningType } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { FastifyAdapter, type NestFastifyApplication } from '@nestjs/platform-fastify';
import { Logger } from 'nestjs-pino';
import type { DestinationStream } from 'pino';
import { AppModule } from '../app.module';
import type { AppConfig } from '../config/app-config';
import { resolveEncryptionKeys } from '../config/encryption-keys';
import { resolveJwtSecret } from '../config/jwt-secret';
import { buildOpenApiDocument, mountSwagger } from '../http/docs/swagger';
import { correlationIdFor, createRootLogger } from '../http/logging/logger-options';
import { RequestLogController } from '../http/logging/request-log.controller';
import { answerClientError, answerFrameworkError } from '../http/problem/client-error';
import { drainRefusedBodies } from './drain-refused-body';
import { bindRequestContext } from './request-context';
import { addSecurityHeaders } from './security-headers';
import { serveWebClient } from './web-client';

export const BODY_LIMIT_BYTES = 100 * 1024;

/** Builds the whole application (not listening). Used by main, the e2e tests, the OpenAPI writer and the benchmark. */
export interface CreateAppOptions {
  /** No logs at all (OpenAPI writer, benchmark). */
  quiet?: boolean;
  /** Send the JSON logs here instead of stdout (tests read them). */
  logDestination?: DestinationStream;
}

export async function createApp(config: AppConfig, options: CreateAppOptions = {}): Promise<NestFastifyApplication> {
  const secret = resolveJwtSecret(config, new NestLogger('Config'));
  const encryption = resolveEncryptionKeys(config.encryption, config.dataDir, new NestLogger('Config'));
  const resolved: AppConfig = { ...config, jwt: { ...config.jwt, secret }, encryption };

  // Quiet apps still get a logger (Nest's and Fastify's code expect one); it writes nothing.
  const logger = createRootLogger(options.quiet ? { ...resolved, logLevel: 'silent' } : resolved, options.logDestination);
  const adapter = new FastifyAdapter({
    loggerInstance: logger,
    logController: new RequestLogController(logger),
    bodyLimit: BODY_LIMIT_BYTES,
    trustProxy: resolved.trustProxy,
    clientErrorHandler: answerClientError,
    frameworkErrors: answerFrameworkError,
    genReqId: (req: { headers: Record<string, string | string[] | undefined> }) => correlationIdFor(req.headers['x-correlation-id']),
  });
  const app = await NestFactory.create<NestFastifyApplication>(AppModule.forRoot(resolved, logger), adapter, {
    bufferLogs: true,
    logger: options.quiet ? false : undefined,
  });
  if (!options.quiet) app.useLogger(app.get(Logger));
  app.enableShutdownHooks();

  const fastify = app.getHttpAdapter().getInstance();
  // A JSON API: bodies of any other type are a 415, not a string the validator trips over.
  fastify.removeContentTypeParser('text/plain');
  // Callback-style hooks: an async one costs a promise and a microtask on every request.
  fastify.addHook('onRequest', (request, reply, done) => {
    void reply.header('x-correlation-id', request.id);
    done();
  });

  addSecurityHeaders(fastify);
  bindRequestContext(fastify);
  drainRefusedBodies(fastify);
  // Multipart for attachment uploads only: the file is streamed (never buffered) and each route
  // sets its own file-size limit; JSON bodies keep the 100 kB bodyLimit above.
  await app.register(multipart, { limits: { files: 1, fields: 5, fieldSize: 1024, parts: 10, headerPairs: 100 } });
  app.enableCors({
    origin: resolved.corsOrigins.length ? resolved.corsOrigins : false,
    credentials: false,
    exposedHeaders: ['ETag', 'Location', 'X-Correlation-ID', 'RateLimit', 'RateLimit-Policy', 'Retry-After'],
  });

  app.setGlobalPrefix('api');
  app.enableVersioning({ type: VersioningType.URI, prefix: 'v' });
  mountSwagger(app, buildOpenApiDocument(app));
  if (resolved.role !== 'worker') await serveWebClient(app, resolved.webDistDir); // workers serve health only
  return app;
}
