import { existsSync } from 'node:fs';
import { basename, resolve } from 'node:path';
import compress from '@fastify/compress';
import fastifyStatic from '@fastify/static';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import type { FastifyInstance } from 'fastify';

/** Angular's output hashing: `main-ABCDEFGH.js`, `chunk-…js`, `styles-…css`, `media/…`. */
const HASHED_ASSET = /-[A-Z0-9]{8}\.(?:js|css|mjs|woff2?|svg|png|jpe?g|webp)$/;

/** A year, immutable: a changed file gets a new name, so a cached one is never stale. */
export const HASHED_CACHE_CONTROL = 'public, max-age=31536000, immutable';
/** Everything else (index.html, favicon) is revalidated, so a deploy is picked up at once. */
export const UNHASHED_CACHE_CONTROL = 'no-cache';

export function cacheControlFor(path: string): string {
  return HASHED_ASSET.test(basename(path)) ? HASHED_CACHE_CONTROL : UNHASHED_CACHE_CONTROL;
}

/**
 * Serves the built Angular client from the API's origin, so `npm start` is one process and
 * one URL. Unknown non-API paths get index.html (client-side routes); unknown /api paths
 * still reach the API's 404.
 *
 * The client's files are compressed (brotli or gzip, as the browser accepts; quality 4, fast
 * enough per request) and the hashed ones are cached for a year. Compression is registered in
 * this encapsulated scope only: API responses are unchanged.
 */
export async function serveWebClient(app: NestFastifyApplication, distDir: string): Promise<boolean> {
  const root = resolve(distDir);
  if (!existsSync(resolve(root, 'index.html'))) return false;
  const fastify = app.getHttpAdapter().getInstance() as unknown as FastifyInstance;
  await fastify.register(async (scope) => {
    // Must come before @fastify/static so its global hook sees the files' streams.
    await scope.register(compress, { global: true, threshold: 1024, encodings: ['br', 'gzip'] });
    await scope.register(fastifyStatic, {
      root,
      prefix: '/',
      wildcard: false,
      index: ['index.html'],
      cacheControl: false,
      setHeaders: (reply, path) => void reply.header('cache-control', cacheControlFor(path)),
    });
    scope.get('/*', (request, reply) => {
      if (request.url.startsWith('/api')) return reply.callNotFound();
      return reply.header('cache-control', UNHASHED_CACHE_CONTROL).sendFile('index.html');
    });
  });
  return true;
}
