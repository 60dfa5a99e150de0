import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import request from 'supertest';
import { createApp } from '../../src/bootstrap/create-app';
import { loadConfig } from '../../src/config/app-config';

export interface TestApp {
  app: NestFastifyApplication;
  http: ReturnType<typeof request>;
  url: string;
  dataDir: string;
  /** Every JSON log line the app wrote. */
  logs: Record<string, unknown>[];
  rawLogs: string[];
  close(options?: { keepData?: boolean }): Promise<void>;
}

/** The readiness key of the store the suites run against. */
export const STORE = process.env.MONGODB_URI ? 'mongodb' : 'sqlite';

/** Collects the app's JSON log lines in memory. */
class LogCollector extends Writable {
  readonly lines: string[] = [];
  override _write(chunk: Buffer, _enc: BufferEncoding, done: () => void): void {
    this.lines.push(...chunk.toString('utf8').split('\n').filter(Boolean));
    done();
  }
}

/**
 * The real application on a temporary SQLite file, listening on 127.0.0.1 with a free port.
 * Rate limits are generous unless a test sets them.
 */
export async function startTestApp(env: Record<string, string> = {}, dataDir?: string): Promise<TestApp> {
  const dir = dataDir ?? mkdtempSync(join(tmpdir(), 'primetrade-e2e-'));
  const config = loadConfig({
    NODE_ENV: 'test',
    DATA_DIR: dir,
    JWT_SECRET: 'e2e-secret-that-is-long-enough-for-hs256-keys',
    THROTTLE_DEFAULT_LIMIT: '100000',
    THROTTLE_TASK_CREATE_LIMIT: '100000',
    THROTTLE_LOGIN_LIMIT: '100000',
    WEB_DIST_DIR: join(dir, 'no-web'),
    LOG_LEVEL: 'info',
    // The same suites run against MongoDB when the harness is given a server.
    ...(process.env.MONGODB_URI ? { MONGODB_URI: process.env.MONGODB_URI } : {}),
    ...env,
  });
  const collector = new LogCollector();
  const app = await createApp(config, { logDestination: collector });
  await app.listen({ port: 0, host: '127.0.0.1' });
  const url = await app.getUrl();
  return {
    app,
    url,
    http: request(url),
    dataDir: dir,
    rawLogs: collector.lines,
    get logs() {
      return collector.lines.map((line) => JSON.parse(line) as Record<string, unknown>);
    },
    async close(options = {}) {
      await app.close();
      if (!options.keepData) rmSync(dir, { recursive: true, force: true });
    },
  };
}

let counter = 0;

/** Registers a fresh user and logs in; returns the bearer header and tokens. */
export async function signUp(
  t: TestApp,
  name = 'Ada',
): Promise<{ email: string; password: string; auth: { Authorization: string }; refreshToken: string; userId: string }> {
  const email = `user${++counter}-${Date.now()}@example.com`;
  const password = 'correct horse battery';
  const registered = await t.http.post('/api/v1/auth/register').send({ name, email, password }).expect(201);
  const login = await t.http.post('/api/v1/auth/login').send({ email, password }).expect(200);
  return {
    email,
    password,
    auth: { Authorization: `Bearer ${login.body.accessToken}` },
    refreshToken: login.body.refreshToken,
    userId: registered.body.id,
  };
}

/** Asserts an RFC 9457 answer and returns its body. */
export function expectProblem(
  res: { status: number; headers: Record<string, string>; body: Record<string, unknown> },
  status: number,
): Record<string, unknown> {
  expect(res.status).toBe(status);
  expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
  expect(res.body).toMatchObject({
    status,
    type: expect.any(String),
    title: expect.any(String),
    detail: expect.any(String),
    instance: expect.any(String),
  });
  expect(res.body.correlationId).toBe(res.headers['x-correlation-id']);
  expect(JSON.stringify(res.body)).not.toMatch(/stack|at \w+ \(|node_modules|SQLITE/i);
  return res.body;
}
