import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describeWithRedis } from './support/redis-env';
import { PrivateRedis } from './support/private-redis';
import { buildServer, removeBuild, startProcess, whenListening } from './support/worker-process';

const TIMEOUT_MS = 3000;
const MARGIN_MS = 4000;

// The process's own redis-server goes away for good; SIGTERM must still end the process.
describeWithRedis('shutdown when Redis has gone away (server process)', () => {
  const redis = new PrivateRedis();
  let out: string;
  let dataDir: string;

  beforeAll(async () => {
    out = buildServer();
    await redis.start();
    dataDir = mkdtempSync(join(tmpdir(), 'primetrade-shutdown-'));
  }, 120_000);

  afterAll(async () => {
    await redis.destroy();
    rmSync(dataDir, { recursive: true, force: true });
    if (out) removeBuild(out);
  });

  it(`exits within SHUTDOWN_TIMEOUT_MS (+${MARGIN_MS} ms) of SIGTERM while Redis is down`, async () => {
    const app = startProcess(
      out,
      {
        DATA_DIR: dataDir,
        JWT_SECRET: 'e2e-secret-that-is-long-enough-for-hs256-keys',
        WEB_DIST_DIR: join(dataDir, 'no-web'),
        REDIS_URL: redis.url,
        REDIS_PREFIX: 'shutdown',
        NOTIFICATION_SCAN_INTERVAL: '1s',
        SHUTDOWN_TIMEOUT_MS: String(TIMEOUT_MS),
      },
      'all',
    );
    try {
      await whenListening(app);
      await redis.stop();
      await new Promise((r) => setTimeout(r, 500)); // the clients notice and start reconnecting
      const started = Date.now();
      app.child.kill('SIGTERM');
      const ended = await Promise.race([
        app.exited.then(() => true),
        new Promise((r) => setTimeout(() => r(false), TIMEOUT_MS + MARGIN_MS)),
      ]);
      expect({ ended, within: Date.now() - started <= TIMEOUT_MS + MARGIN_MS }).toEqual({ ended: true, within: true });
    } finally {
      await app.stop('SIGKILL');
    }
  }, 60_000);
});
