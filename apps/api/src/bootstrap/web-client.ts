import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import fastifyStatic from '@fastify/static';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';

/**
 * Serves the built Angular client from the API's origin, so `npm start` is one process and
 * one URL. Unknown non-API paths get index.html (client-side routes); unknown /api paths
 * still reach the API's 404.
 */
export async function serveWebClient(app: NestFastifyApplication, distDir: string): Promise<boolean> {
  const root = resolve(distDir);
  if (!existsSync(resolve(root, 'index.html'))) return false;
  const fastify = app.getHttpAdapter().getInstance();
  await fastify.register(fastifyStatic, { root, prefix: '/', wildcard: false, index: ['index.html'], maxAge: '1h' });
  fastify.get('/*', (request, reply) => {
    if (request.url.startsWith('/api')) return reply.callNotFound();
    return reply.header('cache-control', 'no-cache').sendFile('index.html');
  });
  return true;
}
