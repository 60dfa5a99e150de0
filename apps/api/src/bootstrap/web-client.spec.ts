import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { brotliDecompressSync } from 'node:zlib';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import Fastify, { type FastifyInstance } from 'fastify';
import { cacheControlFor, HASHED_CACHE_CONTROL, inlineStylesheets, serveWebClient, UNHASHED_CACHE_CONTROL } from './web-client';

describe('serveWebClient', () => {
  let dir: string;
  let fastify: FastifyInstance;
  const script = `console.log(${JSON.stringify('x'.repeat(4000))});`;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'web-client-'));
    mkdirSync(join(dir, 'media'));
    mkdirSync(join(dir, 'shells'));
    writeFileSync(join(dir, 'shells/frame.html'), '<header>Primetrade</header>\n');
    writeFileSync(join(dir, 'shells/login.html'), '<h1>Log in</h1>\n');
    writeFileSync(
      join(dir, 'index.html'),
      `<!doctype html><html><head><title>t</title></head><body>${'<!-- pad -->'.repeat(200)}<link rel="modulepreload" href="chunk-CORE0001.js"><script src="main-ABCD1234.js" type="module"></script></body></html>`,
    );
    writeFileSync(join(dir, 'chunk-CORE0001.js'), 'export const core = 1;');
    writeFileSync(join(dir, 'chunk-FORM0002.js'), 'import{core as c}from"./chunk-CORE0001.js";export const form = c;');
    writeFileSync(join(dir, 'chunk-DEEP0003.js'), 'export const deep = 1;');
    writeFileSync(
      join(dir, 'login.page-LOGN0004.js'),
      // esbuild's style and rollup's (the chunk optimizer) alike.
      'import{form as f}from"./chunk-FORM0002.js";\nimport \'./chunk-DEEP0003.js\';\nconst lazy=()=>import("./chunk-LAZY0005.js");export{f};',
    );
    writeFileSync(
      join(dir, 'preload-routes.json'),
      JSON.stringify({
        routes: [
          { pattern: '^/login(?:[/?#]|$)', chunks: ['login.page'], shell: ['frame', 'login', 'missing', '../index'] },
          { pattern: '^/gone', chunks: ['missing.page'] },
        ],
      }),
    );
    writeFileSync(join(dir, 'main-ABCD1234.js'), script);
    writeFileSync(join(dir, 'favicon.svg'), '<svg xmlns="http://www.w3.org/2000/svg"/>');
    fastify = Fastify();
    fastify.get('/api/v1/ping', async () => ({ pong: 'y'.repeat(4000) }));
    const app = { getHttpAdapter: () => ({ getInstance: () => fastify }) } as unknown as NestFastifyApplication;
    expect(await serveWebClient(app, dir)).toBe(true);
    await fastify.ready();
  });

  afterAll(async () => {
    await fastify.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('sends hashed assets brotli-compressed and cacheable for a year', async () => {
    const res = await fastify.inject({ url: '/main-ABCD1234.js', headers: { 'accept-encoding': 'br, gzip' } });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-encoding']).toBe('br');
    expect(res.headers['cache-control']).toBe(HASHED_CACHE_CONTROL);
    expect(brotliDecompressSync(res.rawPayload).toString()).toBe(script);
    expect(res.rawPayload.length).toBeLessThan(script.length / 10);
  });

  it('falls back to gzip, and to identity for clients that accept neither', async () => {
    const gzip = await fastify.inject({ url: '/main-ABCD1234.js', headers: { 'accept-encoding': 'gzip' } });
    expect(gzip.headers['content-encoding']).toBe('gzip');
    const plain = await fastify.inject({ url: '/main-ABCD1234.js', headers: { 'accept-encoding': 'identity' } });
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(plain.body).toBe(script);
  });

  it('revalidates index.html, also as the SPA fallback of client routes', async () => {
    const index = await fastify.inject({ url: '/', headers: { 'accept-encoding': 'br' } });
    expect(index.headers['cache-control']).toBe(UNHASHED_CACHE_CONTROL);
    expect(index.headers['content-encoding']).toBe('br');
    const route = await fastify.inject({ url: '/tasks/board', headers: { 'accept-encoding': 'gzip' } });
    expect(route.statusCode).toBe(200);
    expect(route.headers['cache-control']).toBe(UNHASHED_CACHE_CONTROL);
    expect(route.headers['content-encoding']).toBe('gzip');
  });

  it('announces the lazy chunks of the route a URL opens, with their static imports', async () => {
    const login = await fastify.inject({ url: '/login?returnUrl=%2Ftasks' });
    const preloads = [...login.body.matchAll(/<link rel="modulepreload" href="([^"]+)">/g)].map((m) => m[1]);
    // Those in index.html already stay once; dynamic imports are not preloaded.
    expect(preloads).toEqual(['login.page-LOGN0004.js', 'chunk-FORM0002.js', 'chunk-DEEP0003.js', 'chunk-CORE0001.js']);
    expect(login.body.indexOf('login.page-LOGN0004.js')).toBeLessThan(login.body.indexOf('</head>'));
    expect(login.headers['content-type']).toBe('text/html; charset=utf-8');
    for (const url of ['/', '/tasks', '/gone']) {
      const other = await fastify.inject({ url });
      expect(other.statusCode).toBe(200);
      expect(other.body).not.toContain('login.page');
    }
  });

  it("paints the route's static first frame first in the body, hidden from assistive technology", async () => {
    const login = await fastify.inject({ url: '/login' });
    // Fragments in order; a missing one, or a name reaching outside shells/, is left out.
    expect(login.body).toContain(
      '<body><div id="app-shell" aria-hidden="true" inert><header>Primetrade</header><h1>Log in</h1></div><!-- pad -->',
    );
    for (const url of ['/', '/tasks', '/gone']) {
      expect((await fastify.inject({ url })).body).not.toContain('app-shell');
    }
  });

  it('inlines the stylesheet, unless it is missing or large', () => {
    writeFileSync(join(dir, 'styles-STYL0006.css'), 'body{margin:0}');
    writeFileSync(join(dir, 'styles-HUGE0007.css'), `p{content:"${'x'.repeat(40_000)}"}`);
    const link = (file: string) => `<link rel="stylesheet" href="${file}">`;
    expect(inlineStylesheets(dir, `<head>${link('styles-STYL0006.css')}</head>`)).toBe('<head><style>body{margin:0}</style></head>');
    for (const file of ['styles-HUGE0007.css', 'styles-GONE0008.css']) {
      expect(inlineStylesheets(dir, `<head>${link(file)}</head>`)).toBe(`<head>${link(file)}</head>`);
    }
  });

  it('leaves API responses alone', async () => {
    const res = await fastify.inject({ url: '/api/v1/ping', headers: { 'accept-encoding': 'br, gzip' } });
    expect(res.headers['content-encoding']).toBeUndefined();
    const missing = await fastify.inject({ url: '/api/v1/nothing' });
    expect(missing.statusCode).toBe(404);
  });

  it('tells hashed from unhashed names', () => {
    expect(cacheControlFor('/x/chunk-Q2W3E4R5.js')).toBe(HASHED_CACHE_CONTROL);
    expect(cacheControlFor('/x/styles-ZXCVBNM1.css')).toBe(HASHED_CACHE_CONTROL);
    expect(cacheControlFor('/x/login.page-BtyDEor5.js')).toBe(HASHED_CACHE_CONTROL);
    expect(cacheControlFor('/x/chunk-Byh-99Jv.js')).toBe(HASHED_CACHE_CONTROL);
    expect(cacheControlFor('/x/preload-routes.json')).toBe(UNHASHED_CACHE_CONTROL);
    expect(cacheControlFor('/x/index.html')).toBe(UNHASHED_CACHE_CONTROL);
    expect(cacheControlFor('/x/favicon.svg')).toBe(UNHASHED_CACHE_CONTROL);
  });
});
