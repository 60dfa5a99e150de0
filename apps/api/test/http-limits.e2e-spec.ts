import { mkdtempSync, rmSync } from 'node:fs';
import { request as httpRequest } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildServer, removeBuild, startProcess, urlOf, whenListening, type WorkerProcess } from './redis/support/worker-process';

/**
 * Limits as a client meets them: most HTTP clients (Node's own fetch among them) stream the whole
 * body without waiting for `100 Continue`, so an early answer must still reach them. The server
 * runs as its own process (as in production): client and server in one event loop hide the race.
 */
describe('body and header limits (e2e, server process)', () => {
  let out: string;
  let server: WorkerProcess;
  let url: string;
  let dataDir: string;
  beforeAll(async () => {
    out = buildServer();
    dataDir = mkdtempSync(join(tmpdir(), 'primetrade-limits-'));
    server = startProcess(
      out,
      {
        DATA_DIR: dataDir,
        JWT_SECRET: 'e2e-secret-that-is-long-enough-for-hs256-keys',
        WEB_DIST_DIR: join(dataDir, 'no-web'),
        THROTTLE_DEFAULT_LIMIT: '100000',
        THROTTLE_LOGIN_LIMIT: '100000',
      },
      'all',
    );
    await whenListening(server);
    url = urlOf(server);
  }, 120_000);
  afterAll(async () => {
    await server?.stop();
    rmSync(dataDir, { recursive: true, force: true });
    if (out) removeBuild(out);
  });

  it('answers every oversized body posted with fetch with the 413 problem, never a reset connection', async () => {
    const outcomes: string[] = [];
    const post = async (size: number) => {
      try {
        const res = await fetch(`${url}/api/v1/auth/register`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ name: 'x'.repeat(size) }),
        });
        const text = await res.text();
        outcomes.push(`${res.status} ${res.headers.get('content-type')} ${(JSON.parse(text) as { status?: number }).status}`);
      } catch (error) {
        outcomes.push(`failed: ${String((error as { cause?: { code?: string } }).cause?.code ?? error)}`);
      }
    };
    for (let i = 0; i < 8; i++) await post(2 * 1024 * 1024);
    await Promise.all(Array.from({ length: 8 }, () => post(8 * 1024 * 1024)));
    expect(outcomes).toEqual(Array.from({ length: 16 }, () => '413 application/problem+json; charset=utf-8 413'));
    expect((await fetch(`${url}/api/health/live`)).status).toBe(200);
  }, 60_000);

  it('answers an oversized header block with the 431 problem', async () => {
    const res = await new Promise<{ status: number; type: string; body: string }>((resolve, reject) => {
      const req = httpRequest(new URL('/api/v1/tasks', url), { method: 'GET', headers: { 'x-padding': 'p'.repeat(40 * 1024) } }, (r) => {
        let text = '';
        r.setEncoding('utf8');
        r.on('data', (c: string) => (text += c));
        r.on('end', () => resolve({ status: r.statusCode ?? 0, type: String(r.headers['content-type']), body: text }));
      });
      req.on('error', reject);
      req.end();
    });
    expect(res.status).toBe(431);
    expect(res.type).toMatch(/^application\/problem\+json/);
    expect(JSON.parse(res.body)).toMatchObject({
      status: 431,
      title: 'Request Header Fields Too Large',
      type: expect.any(String),
      detail: expect.any(String),
      correlationId: expect.any(String),
    });
  });

  it("answers a path parameter longer than the router takes with the 404 problem, not Fastify's 414", async () => {
    const res = await fetch(`${url}/api/v1/tasks/${'x'.repeat(500)}`);
    expect(res.status).toBe(404);
    expect(res.headers.get('content-type')).toMatch(/^application\/problem\+json/);
    expect(await res.json()).toMatchObject({ status: 404, title: 'Not Found', correlationId: expect.any(String) });
  });
});
