import type { FastifyInstance } from 'fastify';
import type { Logger as PinoLogger } from 'pino';
import { Store, storage } from 'nestjs-pino/storage';
import { CorrelationContext } from '@primetrade/infrastructure';

/**
 * What the code serving a request runs in: its correlation id (events published meanwhile carry
 * it, in either mode) and its logger (nestjs-pino's store: `Logger` lines carry the correlation
 * id; Fastify's request logger is a pino child). One Fastify hook right before the handler,
 * once the body is read, so the context covers all of it; as Nest middleware the same cost a
 * middie pass per request.
 */
export function bindRequestContext(fastify: FastifyInstance): void {
  fastify.addHook('preHandler', (request, _reply, done) =>
    CorrelationContext.run(request.id, () => storage.run(new Store(request.log as PinoLogger), done)),
  );
}
