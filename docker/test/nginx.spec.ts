// docker/nginx: the edge config (TLS, redirect, HSTS, gzip, rate limit, API upstream with
// keep-alive) and the web image's config (SPA fallback, caching), checked with `nginx -t` and then
// exercised by a real nginx on loopback ports.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fetchRaw, startRecordingUpstream, type RecordingUpstream } from './support/http-client';
import {
  freePort,
  makeSelfSignedCertificate,
  openPrefix,
  renderEdgeConfig,
  renderWebConfig,
  startNginx,
  testConfig,
  type EdgePorts,
  type RunningNginx,
} from './support/nginx-harness';
import { makeTempDir, requireTool } from './support/tools';

describe('edge nginx (docker/nginx/nginx.conf)', () => {
  let nginx: string;
  const temp = makeTempDir('nginx-edge');
  let ports: EdgePorts;
  let config: string;
  let api: RecordingUpstream;
  let web: RecordingUpstream;
  let server: RunningNginx | undefined;

  beforeAll(async () => {
    nginx = requireTool('nginx', 'nginx');
    requireTool('openssl', 'openssl');
    openPrefix(temp.path);
    makeSelfSignedCertificate(temp.path);
    api = await startRecordingUpstream('api');
    web = await startRecordingUpstream('web');
    ports = { http: await freePort(), https: await freePort(), api: api.port, web: web.port };
    config = renderEdgeConfig(temp.path, ports);
  });

  afterAll(async () => {
    await server?.stop();
    await api?.close();
    await web?.close();
    temp.remove();
  });

  it('passes nginx -t', () => {
    const result = testConfig(nginx, temp.path, config);
    expect(result.output).toContain('test is successful');
    expect(result.status).toBe(0);
  });

  it('nginx -t rejects a broken copy, so the check above can fail', () => {
    const broken = join(temp.path, 'broken.conf');
    writeFileSync(broken, readFileSync(config, 'utf8').replace('limit_req_status 429;', 'limit_req_status;'));
    const result = testConfig(nginx, temp.path, broken);
    expect(result.status).not.toBe(0);
    expect(result.output).toMatch(/invalid number of arguments/);
  });

  describe('running', () => {
    beforeAll(async () => {
      server = await startNginx(nginx, temp.path, config, ports.https);
    });

    it('redirects plain HTTP to HTTPS, keeping path and query', async () => {
      const reply = await fetchRaw(`http://127.0.0.1:${ports.http}/tasks?status=open`);
      expect(reply.status).toBe(301);
      // $host drops the port: in production the HTTPS side is on the default port 443.
      expect(reply.headers.location).toBe('https://127.0.0.1/tasks?status=open');
    });

    it('answers the container health check on plain HTTP without redirecting', async () => {
      const reply = await fetchRaw(`http://127.0.0.1:${ports.http}/healthz`);
      expect(reply.status).toBe(200);
      expect(reply.body).toBe('ok\n');
    });

    it('proxies /api to the API upstream with forwarding headers and sends HSTS', async () => {
      const reply = await fetchRaw(`https://127.0.0.1:${ports.https}/api/tasks?limit=5`);
      expect(reply.status).toBe(200);
      expect(JSON.parse(reply.body)).toMatchObject({ upstream: 'api', path: '/api/tasks?limit=5' });
      expect(reply.headers['strict-transport-security']).toMatch(/max-age=\d{8,}; includeSubDomains/);
      expect(reply.headers['x-content-type-options']).toBe('nosniff');
      const seen = api.seen.at(-1)!;
      expect(seen.headers['x-forwarded-proto']).toBe('https');
      expect(seen.headers['x-forwarded-for']).toBe('127.0.0.1');
      expect(seen.headers['x-request-id']).toMatch(/^[0-9a-f]{32}$/);
    });

    it('reuses upstream connections (keep-alive) across client connections', async () => {
      const before = api.seen.length;
      for (let i = 0; i < 3; i++) await fetchRaw(`https://127.0.0.1:${ports.https}/api/tasks/${i}`);
      const upstreamSockets = new Set(api.seen.slice(before).map((r) => r.remotePort));
      // Three client connections, served over fewer upstream connections (workers may each hold one).
      expect(upstreamSockets.size).toBeLessThan(3);
      expect(api.seen.slice(before).every((r) => r.headers.connection !== 'close')).toBe(true);
    });

    it('gzips JSON responses for clients that accept it', async () => {
      const reply = await fetchRaw(`https://127.0.0.1:${ports.https}/api/tasks`, { headers: { 'accept-encoding': 'gzip' } });
      expect(reply.headers['content-encoding']).toBe('gzip');
      expect(reply.headers.vary).toMatch(/Accept-Encoding/i);
      expect(JSON.parse(reply.body).items).toHaveLength(100);
    });

    it('sends other paths to the web container (which owns the SPA fallback)', async () => {
      const reply = await fetchRaw(`https://127.0.0.1:${ports.https}/tasks/42`);
      expect(reply.status).toBe(200);
      expect(JSON.parse(reply.body)).toMatchObject({ upstream: 'web', path: '/tasks/42' });
    });

    it('keeps health endpoints private', async () => {
      const before = api.seen.length;
      const reply = await fetchRaw(`https://127.0.0.1:${ports.https}/api/health/ready`);
      expect(reply.status).toBe(404);
      expect(api.seen.length).toBe(before);
    });

    it('rejects request bodies over 1 MiB before they reach the API', async () => {
      const before = api.seen.length;
      const reply = await fetchRaw(`https://127.0.0.1:${ports.https}/api/tasks`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: Buffer.alloc(1024 * 1024 + 1, 'a'),
      });
      expect(reply.status).toBe(413);
      expect(api.seen.length).toBe(before);
    });

    it('rate-limits one client with 429 once its burst is spent', async () => {
      // The tests above spent some of this client's burst; at 20 r/s it is whole again after 2 s.
      await new Promise((resolve) => setTimeout(resolve, 2500));
      const replies = await Promise.all(
        Array.from({ length: 90 }, (_, i) => fetchRaw(`https://127.0.0.1:${ports.https}/api/tasks?burst=${i}`)),
      );
      const statuses = replies.map((r) => r.status);
      const passed = statuses.filter((s) => s === 200).length;
      const limited = statuses.filter((s) => s === 429).length;
      expect(passed + limited).toBe(90);
      // burst=40 nodelay plus what 20 r/s refills while the requests arrive.
      expect(passed).toBeGreaterThanOrEqual(40);
      expect(limited).toBeGreaterThan(0);
    });
  });
});

describe('web image nginx (docker/nginx/web.conf.template)', () => {
  let nginx: string;
  const temp = makeTempDir('nginx-web');
  let port: number;
  let config: string;
  let api: RecordingUpstream;
  let server: RunningNginx | undefined;

  beforeAll(async () => {
    nginx = requireTool('nginx', 'nginx');
    openPrefix(temp.path);
    const root = join(temp.path, 'html');
    mkdirSync(join(root, 'assets'), { recursive: true });
    writeFileSync(join(root, 'index.html'), '<!doctype html><title>Primetrade</title><app-root></app-root>');
    writeFileSync(join(root, 'main-3F2A9C.js'), 'console.log("primetrade");\n'.repeat(200));
    api = await startRecordingUpstream('api');
    port = await freePort();
    config = renderWebConfig(temp.path, { http: port, api: api.port }, root);
  });

  afterAll(async () => {
    await server?.stop();
    await api?.close();
    temp.remove();
  });

  it('passes nginx -t', () => {
    const result = testConfig(nginx, temp.path, config);
    expect(result.output).toContain('test is successful');
    expect(result.status).toBe(0);
  });

  describe('running', () => {
    beforeAll(async () => {
      server = await startNginx(nginx, temp.path, config, port);
    });

    it('answers deep links with index.html, never cached', async () => {
      const reply = await fetchRaw(`http://127.0.0.1:${port}/tasks/42/edit`);
      expect(reply.status).toBe(200);
      expect(reply.body).toContain('<app-root>');
      expect(reply.headers['content-type']).toMatch(/^text\/html/);
      expect(reply.headers['cache-control']).toBe('no-cache');
    });

    it('serves hashed bundles with a one-year immutable cache, gzipped', async () => {
      const reply = await fetchRaw(`http://127.0.0.1:${port}/main-3F2A9C.js`, { headers: { 'accept-encoding': 'gzip' } });
      expect(reply.status).toBe(200);
      expect(reply.headers['cache-control']).toBe('public, max-age=31536000, immutable');
      expect(reply.headers['content-encoding']).toBe('gzip');
      expect(reply.headers['x-content-type-options']).toBe('nosniff');
    });

    it('answers a missing asset with 404, not with index.html', async () => {
      const reply = await fetchRaw(`http://127.0.0.1:${port}/chunk-MISSING.js`);
      expect(reply.status).toBe(404);
    });

    it('serves /healthz for probes', async () => {
      const reply = await fetchRaw(`http://127.0.0.1:${port}/healthz`);
      expect(reply.status).toBe(200);
    });

    it('proxies /api to API_UPSTREAM (compose, single origin)', async () => {
      const reply = await fetchRaw(`http://127.0.0.1:${port}/api/auth/me`);
      expect(reply.status).toBe(200);
      expect(api.seen.at(-1)!.url).toBe('/api/auth/me');
    });
  });
});
