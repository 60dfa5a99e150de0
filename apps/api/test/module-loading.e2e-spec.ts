import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

// The built server, started the way main.js starts it, in a child process whose own require
// cache is read once it serves: jest's module registry would not show what Node really loaded.
const DIST = resolve(__dirname, '../../../dist/server/apps/api/src');
const TECHNOLOGY_PACKAGES = ['mongoose', 'mongodb', '@nestjs/mongoose', 'bullmq', '@nestjs/bullmq', 'ioredis', 'nodemailer'];

const SCRIPT = `
require('reflect-metadata');
require(${JSON.stringify(join(DIST, 'observability/register-tracing'))});
const { createApp } = require(${JSON.stringify(join(DIST, 'bootstrap/create-app'))});
const { loadConfig } = require(${JSON.stringify(join(DIST, 'config/app-config'))});
(async () => {
  const app = await createApp(loadConfig(process.env), { quiet: true });
  await app.listen({ port: 0, host: '127.0.0.1' });
  const packages = new Set();
  for (const file of Object.keys(require.cache)) {
    const match = /node_modules\\/((?:@[^/]+\\/)?[^/]+)\\//.exec(file.slice(file.lastIndexOf('node_modules/')));
    if (match) packages.add(match[1]);
  }
  await app.close();
  process.stdout.write('\\nLOADED ' + JSON.stringify([...packages]) + '\\n');
})().catch((error) => { console.error(error); process.exit(1); });
`;

function packagesLoadedBy(env: Record<string, string>): string[] {
  const dataDir = mkdtempSync(join(tmpdir(), 'primetrade-modules-'));
  try {
    const child = spawnSync(process.execPath, ['-e', SCRIPT], {
      env: {
        PATH: process.env['PATH'] ?? '',
        NODE_ENV: 'test',
        DATA_DIR: dataDir,
        JWT_SECRET: 'module-loading-secret-long-enough-for-hs256',
        ...env,
      },
      encoding: 'utf8',
      timeout: 60_000,
    });
    if (child.status !== 0) throw new Error(`the server did not start: ${child.stderr}`);
    const line = child.stdout.split('\n').find((l) => l.startsWith('LOADED '));
    if (!line) throw new Error(`no module list in the output: ${child.stdout}`);
    return JSON.parse(line.slice('LOADED '.length)) as string[];
  } finally {
    rmSync(dataDir, { recursive: true, force: true });
  }
}

describe('technology modules load only when their profile is configured', () => {
  beforeAll(() => {
    if (!existsSync(join(DIST, 'bootstrap/create-app.js')))
      throw new Error(`no built server at ${DIST}: the api test target builds it first (nx run api:build)`);
  });

  it('the embedded profile (SQLite, in-process, outbox) loads no MongoDB, Redis, BullMQ or SMTP library', () => {
    const loaded = packagesLoadedBy({});
    expect(loaded).toContain('better-sqlite3');
    expect(loaded.filter((name) => TECHNOLOGY_PACKAGES.includes(name))).toEqual([]);
  });

  it('the redis profile loads the Redis libraries and still no MongoDB or SMTP library', () => {
    const loaded = packagesLoadedBy({
      REDIS_URL: process.env['REDIS_URL'] || 'redis://127.0.0.1:6379',
      REDIS_PREFIX: `modules-${process.pid}`,
    });
    expect(loaded).toEqual(expect.arrayContaining(['ioredis', 'bullmq']));
    expect(loaded.filter((name) => ['mongoose', 'mongodb', '@nestjs/mongoose', 'nodemailer'].includes(name))).toEqual([]);
  });
});
