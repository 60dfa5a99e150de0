import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import request from 'supertest';
import { compileServer } from './support/compile-server';

/**
 * Tracing is patched in at require time, which jest's module system bypasses, so this suite runs
 * the compiled server as a real process (`node main.js`) with OTEL_EXPORTER_OTLP_ENDPOINT pointing
 * at an OTLP/HTTP receiver in this test.
 */
const root = resolve(__dirname, '../../..');

type OtlpSpan = { traceId: string; spanId: string; name: string };
type OtlpExport = {
  resourceSpans: Array<{
    resource: { attributes: Array<{ key: string; value: { stringValue?: string } }> };
    scopeSpans: Array<{ scope: { name: string }; spans: OtlpSpan[] }>;
  }>;
};

describe('tracing (e2e): OTLP export and trace ids in the logs', () => {
  const outDir = join(root, 'tmp', `tracing-e2e-${process.pid}`);
  const dataDir = mkdtempSync(join(tmpdir(), 'primetrade-tracing-'));
  const exports: OtlpExport[] = [];
  const logs: Record<string, unknown>[] = [];
  let receiver: Server;
  let app: ChildProcess;
  let url: string;

  const spans = () =>
    exports.flatMap((e) =>
      e.resourceSpans.flatMap((rs) =>
        rs.scopeSpans.flatMap((ss) => ss.spans.map((span) => ({ ...span, scope: ss.scope.name, resource: rs.resource }))),
      ),
    );

  async function eventually<T>(check: () => T | undefined, what: string, timeoutMs = 15_000): Promise<T> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const value = check();
      if (value !== undefined) return value;
      if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
      await new Promise((r) => setTimeout(r, 100));
    }
  }

  beforeAll(async () => {
    compileServer(outDir);

    receiver = createServer((req, res) => {
      let body = '';
      req.on('data', (chunk) => (body += chunk));
      req.on('end', () => {
        if (req.url === '/v1/traces' && req.headers['content-type']?.startsWith('application/json'))
          exports.push(JSON.parse(body) as OtlpExport);
        res.writeHead(200, { 'content-type': 'application/json' }).end('{}');
      });
    });
    await new Promise<void>((done) => receiver.listen(0, '127.0.0.1', done));

    app = spawn(process.execPath, [join(outDir, 'apps/api/src/main.js'), '--role=api'], {
      cwd: root,
      stdio: ['ignore', 'pipe', 'pipe'],
      env: {
        PATH: process.env['PATH'],
        NODE_ENV: 'test',
        PORT: '0',
        DATA_DIR: dataDir,
        WEB_DIST_DIR: join(dataDir, 'no-web'),
        JWT_SECRET: 'tracing-e2e-secret-that-is-long-enough-for-hs256',
        LOG_LEVEL: 'info',
        OTEL_EXPORTER_OTLP_ENDPOINT: `http://127.0.0.1:${(receiver.address() as AddressInfo).port}`,
        OTEL_BSP_SCHEDULE_DELAY: '100',
      },
    });
    let pending = '';
    app.stdout!.on('data', (chunk: Buffer) => {
      pending += chunk.toString('utf8');
      const lines = pending.split('\n');
      pending = lines.pop()!;
      for (const line of lines) if (line.startsWith('{')) logs.push(JSON.parse(line) as Record<string, unknown>);
    });
    let stderr = '';
    app.stderr!.on('data', (chunk: Buffer) => (stderr += chunk.toString('utf8')));
    url = await eventually(
      () => {
        if (app.exitCode !== null) throw new Error(`server exited: ${stderr}`);
        const started = logs.map((l) => /listening on (http:\/\/\S+?) \(/.exec(String(l['msg']))?.[1]).find(Boolean);
        return started;
      },
      'the server to listen',
      30_000,
    );
  }, 90_000);

  afterAll(async () => {
    if (app && app.exitCode === null) {
      const exited = new Promise((done) => app.once('exit', done));
      app.kill('SIGTERM');
      await exited;
    }
    await new Promise<void>((done) => (receiver ? receiver.close(() => done()) : done()));
    rmSync(outDir, { recursive: true, force: true });
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('exports HTTP, Fastify and Nest spans of one trace, named after the role, and logs its trace id', async () => {
    const registered = await request(url)
      .post('/api/v1/auth/register')
      .set('X-Correlation-ID', 'trace-me-1')
      .send({ name: 'Tess', email: 'tess@example.com', password: 'correct horse battery' });
    expect(registered.status).toBe(201);

    const line = await eventually(
      () => logs.find((l) => l['correlationId'] === 'trace-me-1' && l['trace_id']),
      'a request log line with trace_id',
    );
    const traceId = String(line['trace_id']);
    expect(traceId).toMatch(/^[0-9a-f]{32}$/);
    expect(String(line['span_id'])).toMatch(/^[0-9a-f]{16}$/);

    const scopes = await eventually(() => {
      const found = new Set(
        spans()
          .filter((s) => s.traceId === traceId)
          .map((s) => s.scope),
      );
      return ['@opentelemetry/instrumentation-http', '@fastify/otel', '@opentelemetry/instrumentation-nestjs-core'].every((s) =>
        found.has(s),
      )
        ? found
        : undefined;
    }, 'http, fastify and nest spans of the request trace');
    expect(scopes.size).toBeGreaterThanOrEqual(3);

    const resource = spans().find((s) => s.traceId === traceId)!.resource;
    expect(resource.attributes).toContainEqual({ key: 'service.name', value: { stringValue: 'primetrade-api' } });
  });

  it('leaves health probes untraced', async () => {
    const before = exports.length;
    await request(url).get('/api/health/live').expect(200);
    await request(url).get('/api/health/ready').expect(200);
    await request(url).get('/api/v1/tasks').expect(401);
    // The 401 is exported after the probes were handled, so by then their spans would be there too.
    await eventually(
      () => (exports.length > before && JSON.stringify(exports.slice(before)).includes('/api/v1/tasks') ? true : undefined),
      'the spans of the 401',
    );
    const probeSpans = spans().filter((s) => JSON.stringify(s).includes('/api/health'));
    expect(probeSpans.map((s) => `${s.scope}: ${s.name}`)).toEqual([]);
  });
});
