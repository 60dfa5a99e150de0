import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { basename, join, resolve } from 'node:path';
import compress from '@fastify/compress';
import fastifyStatic from '@fastify/static';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import type { FastifyInstance, FastifyReply } from 'fastify';

/**
 * Angular's output hashing: `main-ABCDEFGH.js`, `styles-…css`, and with the chunk optimizer
 * (rollup) `login.page-BtyDEor5.js`, `chunk-Byh-99Jv.js` (8 base64url characters).
 */
const HASHED_ASSET = /-[A-Za-z0-9_-]{8}\.(?:js|css|mjs|woff2?|svg|png|jpe?g|webp)$/;

/** A year, immutable: a changed file gets a new name, so a cached one is never stale. */
export const HASHED_CACHE_CONTROL = 'public, max-age=31536000, immutable';
/** Everything else (index.html, favicon) is revalidated, so a deploy is picked up at once. */
export const UNHASHED_CACHE_CONTROL = 'no-cache';

export function cacheControlFor(path: string): string {
  return HASHED_ASSET.test(basename(path)) ? HASHED_CACHE_CONTROL : UNHASHED_CACHE_CONTROL;
}

/**
 * `preload-routes.json` of the client build: per first URL, the lazy chunk names to announce and
 * the static first frame to paint before the scripts have run (fragments of `shells/`).
 */
interface PreloadRoutes {
  routes: { pattern: string; chunks: string[]; shell?: string[] }[];
}

/** The element holding a route's static first frame; the client removes it once it has rendered. */
export const APP_SHELL_ID = 'app-shell';
const SHELL_NAME = /^[\w-]+$/;

// esbuild's static imports: `import{a as b}from"./chunk-X.js"` and `import"./chunk-X.js"`
// (dynamic `import("./…")` is lazy and left alone).
const STATIC_IMPORT = /(?:\bfrom\s*|\bimport\s*)["']\.\/([\w.-]+\.m?js)["']/g;

/** The global stylesheet is put in index.html itself up to this size (Angular's is ~12 kB, 3.5 kB gzip). */
const INLINE_STYLESHEET_MAX_BYTES = 32 * 1024;
const STYLESHEET_LINK = /<link rel="stylesheet" href="([\w.-]+\.css)"[^>]*>/g;

/**
 * index.html with its stylesheet inlined (`<style>`, which the CSP allows: Angular's component
 * styles are inline too). A linked stylesheet blocks rendering until it has arrived, one more round
 * trip before anything paints; inlined, the route's static first frame paints as soon as the HTML
 * is parsed, while the scripts still load.
 */
export function inlineStylesheets(root: string, html: string): string {
  return html.replace(STYLESHEET_LINK, (link, file: string) => {
    const path = join(root, file);
    if (!existsSync(path) || statSync(path).size > INLINE_STYLESHEET_MAX_BYTES) return link;
    const css = readFileSync(path, 'utf8');
    return css.includes('</') ? link : `<style>${css}</style>`;
  });
}

/**
 * index.html for a URL, with `<link rel="modulepreload">` for the lazy chunks of the route it
 * opens (and everything they import): without them the browser learns of those chunks only after
 * main.js has run, one round trip per level of imports. And with the route's static first frame
 * (`shells/<name>.html` of the client build, in a hidden-from-assistive-technology, inert
 * `#app-shell` first in the body): painted as soon as the stylesheet is in, instead of after the
 * scripts have loaded and run. The mapping comes from the client build (`preload-routes.json`);
 * without it every URL gets index.html as built.
 */
export function indexHtmlFor(root: string): (url: string) => string {
  const index = inlineStylesheets(root, readFileSync(join(root, 'index.html'), 'utf8'));
  const manifestPath = join(root, 'preload-routes.json');
  if (!existsSync(manifestPath)) return () => index;
  const manifest = JSON.parse(readFileSync(manifestPath, 'utf8')) as PreloadRoutes;
  const files = readdirSync(root);
  const already = new Set([...index.matchAll(/(?:href|src)="([^"]+)"/g)].map((m) => m[1]));
  const importsOf = new Map<string, string[]>();
  const staticImports = (file: string): string[] => {
    let found = importsOf.get(file);
    if (!found) {
      const path = join(root, file);
      found = existsSync(path) ? [...readFileSync(path, 'utf8').matchAll(STATIC_IMPORT)].map((m) => m[1]) : [];
      importsOf.set(file, found);
    }
    return found;
  };
  const shellHtml = (names: string[]): string => {
    const parts = names.filter((n) => SHELL_NAME.test(n) && existsSync(join(root, 'shells', `${n}.html`)));
    if (parts.length === 0) return '';
    const html = parts.map((n) => readFileSync(join(root, 'shells', `${n}.html`), 'utf8').trim()).join('');
    return `<div id="${APP_SHELL_ID}" aria-hidden="true" inert>${html}</div>`;
  };
  const routes = manifest.routes.map(({ pattern, chunks, shell = [] }) => {
    const wanted: string[] = [];
    const visit = (file: string) => {
      if (wanted.includes(file) || already.has(file)) return;
      wanted.push(file);
      staticImports(file).forEach(visit);
    };
    for (const name of chunks) {
      const file = files.find((f) => f.startsWith(`${name}-`) && HASHED_ASSET.test(f));
      if (file) visit(file);
    }
    const links = wanted.map((f) => `<link rel="modulepreload" href="${f}">`).join('');
    const frame = shellHtml(shell);
    let html = links ? index.replace('</head>', `${links}</head>`) : index;
    if (frame) html = html.replace(/<body[^>]*>/, (body) => body + frame);
    return { pattern: new RegExp(pattern), html };
  });
  return (url: string) => routes.find((r) => r.pattern.test(url))?.html ?? index;
}

/**
 * Serves the built Angular client from the API's origin, so `npm start` is one process and
 * one URL. Unknown non-API paths get index.html (client-side routes); unknown /api paths
 * still reach the API's 404.
 *
 * index.html names the lazy chunks of the route it opens ({@link indexHtmlFor}).
 * Its stylesheet is inlined ({@link inlineStylesheets}).
 * The client's files are compressed (brotli or gzip, as the browser accepts; quality 4, fast
 * enough per request) and the hashed ones are cached for a year. Compression is registered in
 * this encapsulated scope only: API responses are unchanged.
 */
export async function serveWebClient(app: NestFastifyApplication, distDir: string): Promise<boolean> {
  const root = resolve(distDir);
  if (!existsSync(resolve(root, 'index.html'))) return false;
  const fastify = app.getHttpAdapter().getInstance() as unknown as FastifyInstance;
  const indexHtml = indexHtmlFor(root);
  await fastify.register(async (scope) => {
    // Must come before @fastify/static so its global hook sees the files' streams.
    await scope.register(compress, { global: true, threshold: 1024, encodings: ['br', 'gzip'] });
    await scope.register(fastifyStatic, {
      root,
      prefix: '/',
      wildcard: false,
      index: false, // index.html comes from the route below, with the route's preloads
      cacheControl: false,
      setHeaders: (reply, path) => void reply.header('cache-control', cacheControlFor(path)),
    });
    const sendIndex = (url: string, reply: FastifyReply) =>
      reply.header('cache-control', UNHASHED_CACHE_CONTROL).type('text/html; charset=utf-8').send(indexHtml(url));
    scope.get('/', (request, reply) => sendIndex(request.url, reply));
    scope.get('/*', (request, reply) => {
      if (request.url.startsWith('/api')) return reply.callNotFound();
      return sendIndex(request.url, reply);
    });
  });
  return true;
}
