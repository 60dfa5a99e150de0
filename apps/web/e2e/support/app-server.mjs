// Starts the application the browser tests drive: the real API (built by `npm run build` /
// `nx build api`), which also serves the built client, on a free port with a throw-away data
// directory.
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

export const ROOT = resolve(import.meta.dirname, '../../../..');
// E2E_WEB_DIR serves another client build (e.g. to compare two builds in one sitting).
export const WEB_DIR = process.env.E2E_WEB_DIR ? resolve(process.env.E2E_WEB_DIR) : join(ROOT, 'dist/apps/web/browser');
// E2E_API_MAIN runs another API build (e.g. one from a clean worktree while the tree is mid-change).
export const API_MAIN = process.env.E2E_API_MAIN ? resolve(process.env.E2E_API_MAIN) : join(ROOT, 'dist/server/apps/api/src/main.js');

function freePort() {
  return new Promise((ok, fail) => {
    const srv = createServer();
    srv.once('error', fail);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address();
      srv.close(() => ok(port));
    });
  });
}

async function waitForHttp(url, child, logs, timeoutMs = 30_000) {
  const until = Date.now() + timeoutMs;
  while (Date.now() < until) {
    if (child && child.exitCode !== null) throw new Error(`API exited with ${child.exitCode}:\n${logs.join('')}`);
    try {
      const res = await fetch(url);
      if (res.ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`API did not answer ${url} within ${timeoutMs} ms:\n${logs.join('')}`);
}

/**
 * The test settings: rate limits off, fast notification scans and webhook deliveries to 127.0.0.1.
 * `production: true` runs the API as `npm start` would (NODE_ENV=production, keys given as a
 * deployment gives them), with only the rate limits raised so a test can seed its data.
 */
function envFor(production) {
  if (production) {
    const key = () => randomBytes(32).toString('base64');
    return {
      NODE_ENV: 'production',
      JWT_SECRET: key(),
      ENCRYPTION_KEYS: `run:${key()}`,
      ENCRYPTION_ACTIVE_KEY: 'run',
      BLIND_INDEX_KEY: key(),
      THROTTLE_DEFAULT_LIMIT: '100000',
      THROTTLE_TASK_CREATE_LIMIT: '100000',
      THROTTLE_LOGIN_LIMIT: '1000',
    };
  }
  return {
    NODE_ENV: 'test',
    // The flow logs in several times and creates tasks quickly; rate limits have their own tests.
    THROTTLE_ENABLED: 'false',
    // Scan for due and overdue tasks every two seconds so the bell has something to show.
    NOTIFICATION_SCAN_INTERVAL: '2s',
    // The settings test's webhook receiver listens on 127.0.0.1; deliveries go out at once.
    WEBHOOK_ALLOW_PRIVATE_NETWORKS: 'true',
    WEBHOOK_POLL_INTERVAL: '200ms',
  };
}

/**
 * `env` adds or overrides settings for one suite (e.g. a short ARCHIVE_AFTER).
 * @returns {Promise<{ baseUrl: string, stop: () => Promise<void> }>}
 */
export async function startApp({ production = false, env = {} } = {}) {
  if (!existsSync(join(WEB_DIR, 'index.html'))) throw new Error(`No client build at ${WEB_DIR}: run \`nx build web\` first.`);
  const port = await freePort();
  const baseUrl = `http://127.0.0.1:${port}`;

  if (!existsSync(API_MAIN)) throw new Error(`No API build at ${API_MAIN}: run \`npm run build\` (or \`nx build api\`) first.`);
  const dataDir = mkdtempSync(join(tmpdir(), 'primetrade-e2e-'));
  const logs = [];
  // The embedded mode: no external stores, whatever the calling shell has set.
  const { MONGODB_URI: _m, REDIS_URL: _r, SMTP_URL: _s, ...inherited } = process.env;
  const child = spawn(process.execPath, [API_MAIN], {
    cwd: ROOT,
    env: {
      ...inherited,
      HOST: '127.0.0.1',
      PORT: String(port),
      DATA_DIR: dataDir,
      WEB_DIST_DIR: WEB_DIR,
      LOG_LEVEL: 'warn',
      ...envFor(production),
      ...env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child.stdout.on('data', (d) => logs.push(String(d)));
  child.stderr.on('data', (d) => logs.push(String(d)));
  try {
    await waitForHttp(`${baseUrl}/`, child, logs);
  } catch (error) {
    child.kill('SIGKILL');
    rmSync(dataDir, { recursive: true, force: true });
    throw error;
  }
  return {
    baseUrl,
    stop: async () => {
      if (child.exitCode === null) {
        const exited = new Promise((r) => child.once('exit', r));
        child.kill('SIGTERM');
        await Promise.race([exited, new Promise((r) => setTimeout(r, 5000))]);
        if (child.exitCode === null) child.kill('SIGKILL');
      }
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
