// Puts the real nginx configs into a throw-away prefix: only paths, ports and upstream host names
// are rewritten (each rewrite must match, so a changed config cannot slip past the checks).
import { spawn, type ChildProcess } from 'node:child_process';
import { chmodSync, readFileSync, writeFileSync } from 'node:fs';
import { connect, createServer, type AddressInfo } from 'node:net';
import { join } from 'node:path';
import { dockerDir, run } from './tools';

export interface Rewrite {
  pattern: RegExp;
  replacement: string;
  why: string;
}

export function applyRewrites(source: string, rewrites: Rewrite[]): string {
  return rewrites.reduce((text, { pattern, replacement, why }) => {
    if (!pattern.test(text)) throw new Error(`nginx config no longer contains what the test rewrites (${why}): ${pattern}`);
    return text.replace(new RegExp(pattern.source, pattern.flags.includes('g') ? pattern.flags : `${pattern.flags}g`), replacement);
  }, source);
}

function tempPaths(dir: string): string {
  return ['client_body', 'proxy', 'fastcgi', 'uwsgi', 'scgi'].map((name) => `${name}_temp_path ${dir}/${name}_temp;`).join(' ');
}

export interface EdgePorts {
  http: number;
  https: number;
  api: number;
  web: number;
}

/** docker/nginx/nginx.conf with its file paths in `dir`, its ports and upstreams on loopback. */
export function renderEdgeConfig(dir: string, ports: EdgePorts): string {
  const text = applyRewrites(readFileSync(join(dockerDir, 'nginx/nginx.conf'), 'utf8'), [
    // Workers run as the invoking user: the image's "nginx" account does not exist on Debian.
    { pattern: /^user nginx;$/m, replacement: '', why: 'user' },
    { pattern: /\/var\/run\/nginx\.pid/, replacement: `${dir}/nginx.pid`, why: 'pid file' },
    { pattern: /\/var\/log\/nginx/, replacement: dir, why: 'log files' },
    { pattern: /\/etc\/nginx\/certs/, replacement: dir, why: 'TLS certificate' },
    { pattern: /^http \{$/m, replacement: `http {\n  ${tempPaths(dir)}`, why: 'temp paths' },
    { pattern: /server backend:3000/, replacement: `server 127.0.0.1:${ports.api}`, why: 'API upstream' },
    { pattern: /server frontend:8080/, replacement: `server 127.0.0.1:${ports.web}`, why: 'web upstream' },
    { pattern: /listen 80 default_server;/, replacement: `listen 127.0.0.1:${ports.http} default_server;`, why: 'HTTP port' },
    {
      pattern: /listen 443 ssl http2 default_server;/,
      replacement: `listen 127.0.0.1:${ports.https} ssl http2 default_server;`,
      why: 'HTTPS port',
    },
  ]);
  const path = join(dir, 'nginx.conf');
  writeFileSync(path, text);
  return path;
}

/**
 * docker/nginx/web.conf.template rendered as the nginx-unprivileged entrypoint does (envsubst of
 * API_UPSTREAM only) and included from a main config shaped like that image's nginx.conf.
 */
export function renderWebConfig(dir: string, ports: { http: number; api: number }, root: string): string {
  const server = applyRewrites(readFileSync(join(dockerDir, 'nginx/web.conf.template'), 'utf8'), [
    { pattern: /\$\{API_UPSTREAM\}/, replacement: `http://127.0.0.1:${ports.api}`, why: 'API_UPSTREAM template variable' },
    { pattern: /listen 8080;/, replacement: `listen 127.0.0.1:${ports.http};`, why: 'port' },
    { pattern: /root \/usr\/share\/nginx\/html;/, replacement: `root ${root};`, why: 'document root' },
  ]);
  writeFileSync(join(dir, 'default.conf'), server);
  const main = [
    `pid ${dir}/nginx.pid;`,
    `error_log ${dir}/error.log warn;`,
    'events { worker_connections 256; }',
    'http {',
    '  include /etc/nginx/mime.types;',
    '  default_type application/octet-stream;',
    `  access_log ${dir}/access.log;`,
    `  ${tempPaths(dir)}`,
    `  include ${dir}/default.conf;`,
    '}',
  ].join('\n');
  const path = join(dir, 'nginx.conf');
  writeFileSync(path, main);
  return path;
}

export function makeSelfSignedCertificate(dir: string): void {
  const result = run('openssl', [
    'req',
    '-x509',
    '-newkey',
    'rsa:2048',
    '-nodes',
    '-days',
    '1',
    '-subj',
    '/CN=localhost',
    '-keyout',
    join(dir, 'tls.key'),
    '-out',
    join(dir, 'tls.crt'),
  ]);
  if (result.status !== 0) throw new Error(`openssl could not make a test certificate:\n${result.output}`);
}

/** Worker processes drop to "nobody" when the test runs as root: let them read the prefix. */
export function openPrefix(dir: string): void {
  chmodSync(dir, 0o755);
}

export function testConfig(nginx: string, dir: string, config: string) {
  return run(nginx, ['-t', '-p', dir, '-e', join(dir, 'startup-error.log'), '-c', config]);
}

export async function freePort(): Promise<number> {
  return new Promise((resolvePort, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as AddressInfo;
      server.close(() => resolvePort(port));
    });
  });
}

async function waitForPort(port: number, process: ChildProcess, output: () => string): Promise<void> {
  const deadline = Date.now() + 10_000;
  while (Date.now() < deadline) {
    if (process.exitCode !== null) throw new Error(`nginx exited with ${process.exitCode}:\n${output()}`);
    const open = await new Promise<boolean>((done) => {
      const socket = connect(port, '127.0.0.1');
      socket.once('connect', () => {
        socket.destroy();
        done(true);
      });
      socket.once('error', () => done(false));
    });
    if (open) return;
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error(`nginx did not listen on ${port} within 10 s:\n${output()}`);
}

export interface RunningNginx {
  stop(): Promise<void>;
}

export async function startNginx(nginx: string, dir: string, config: string, port: number): Promise<RunningNginx> {
  const child = spawn(nginx, ['-p', dir, '-e', join(dir, 'startup-error.log'), '-c', config, '-g', 'daemon off;'], {
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout?.on('data', (chunk) => (output += chunk));
  child.stderr?.on('data', (chunk) => (output += chunk));
  await waitForPort(port, child, () => output);
  return {
    stop: () =>
      new Promise<void>((done) => {
        if (child.exitCode !== null) return done();
        child.once('exit', () => done());
        child.kill('SIGQUIT');
        setTimeout(() => child.kill('SIGKILL'), 5_000).unref();
      }),
  };
}
