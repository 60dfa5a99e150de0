// docker/*.Dockerfile: multi-stage, LTS Node, production dependencies only, non-root, health
// checks. No Docker engine here, so the files are read, and the API image's HEALTHCHECK command
// is run for real against a local server.
import { existsSync, readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { all, healthcheckCommand, readDockerfile } from './support/dockerfile';
import { dockerDir, repoRoot, runAsync } from './support/tools';

const ignoreFile = (dockerfile: string) =>
  readFileSync(join(dockerDir, `${dockerfile}.dockerignore`), 'utf8')
    .split('\n')
    .map((l) => l.trim());

describe('api.Dockerfile', () => {
  const { args, stages } = readDockerfile('api.Dockerfile');
  const runtime = stages.at(-1)!;
  const build = stages[0];

  it('builds in one stage and runs from a fresh one on an LTS Node slim image', () => {
    expect(stages.length).toBeGreaterThanOrEqual(2);
    const major = Number(args['NODE_VERSION']);
    // Even-numbered majors are the LTS lines; 22 is the oldest still maintained.
    expect(major % 2).toBe(0);
    expect(major).toBeGreaterThanOrEqual(22);
    expect(runtime.from).toBe(`node:${major}-bookworm-slim`);
  });

  it('has the compiler for better-sqlite3 in the build stage only', () => {
    const buildRuns = all(build, 'RUN').join('\n');
    expect(buildRuns).toMatch(/apt-get install .*python3 make g\+\+/);
    expect(all(runtime, 'RUN').join('\n')).not.toMatch(/apt-get|g\+\+/);
  });

  it('installs from the lockfile and ships production dependencies only', () => {
    const buildRuns = all(build, 'RUN').join('\n');
    expect(buildRuns).toMatch(/npm ci\b/);
    expect(buildRuns).toMatch(/npm prune --omit=dev/);
    expect(all(runtime, 'COPY').some((c) => c.includes('node_modules') && c.includes('--from='))).toBe(true);
  });

  it('runs as a numeric non-root user with NODE_ENV=production', () => {
    const [user] = all(runtime, 'USER');
    expect(user).toMatch(/^[1-9]\d*(:\d+)?$/);
    expect(all(runtime, 'ENV').join(' ')).toMatch(/NODE_ENV=production/);
    // The app binds to 127.0.0.1 by default, which no probe or peer could reach in a container.
    expect(all(runtime, 'ENV').join(' ')).toMatch(/HOST=0\.0\.0\.0/);
  });

  it('starts the compiled server, role selectable by argument', () => {
    expect(JSON.parse(all(runtime, 'ENTRYPOINT')[0])).toEqual(['node', 'dist/server/apps/api/src/main.js']);
    expect(JSON.parse(all(runtime, 'CMD')[0])).toEqual(['--role=all']);
    expect(all(runtime, 'EXPOSE')[0].split(' ')).toEqual(['3000', '9464']);
  });

  it('copies only files that exist in the repository', () => {
    for (const copy of all(build, 'COPY')) {
      const sources = copy
        .split(' ')
        .filter((p) => !p.startsWith('--'))
        .slice(0, -1);
      for (const source of sources) expect({ source, exists: existsSync(join(repoRoot, source)) }).toEqual({ source, exists: true });
    }
  });

  it('keeps secrets, dependencies and build output out of the build context', () => {
    expect(ignoreFile('api.Dockerfile')).toEqual(
      expect.arrayContaining(['.git', '**/node_modules', 'dist', 'data', '.env', 'docker/prod.env']),
    );
  });

  describe('HEALTHCHECK (run for real against a local server)', () => {
    const command = healthcheckCommand(runtime);
    let server: Server;
    let status = 200;
    const paths: string[] = [];

    beforeAll(async () => {
      server = createServer((req, res) => {
        paths.push(req.url ?? '');
        res.writeHead(status).end('{}');
      });
      await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
    });
    afterAll(() => new Promise<void>((done) => server.close(() => done())));

    const probe = (port: number) => {
      expect(command[0]).toBe('node');
      return runAsync(process.execPath, command.slice(1), { env: { PATH: process.env['PATH'], PORT: String(port) }, timeout: 10_000 });
    };

    it('passes when /api/health/live answers 200', async () => {
      status = 200;
      expect((await probe((server.address() as AddressInfo).port)).status).toBe(0);
      expect(paths.at(-1)).toBe('/api/health/live');
    });

    it('fails when the endpoint answers 503', async () => {
      status = 503;
      expect((await probe((server.address() as AddressInfo).port)).status).toBe(1);
    });

    it('fails when nothing listens', async () => {
      expect((await probe(1)).status).toBe(1);
    });
  });
});

describe('web.Dockerfile', () => {
  const { stages } = readDockerfile('web.Dockerfile');
  const runtime = stages.at(-1)!;

  it('builds the Angular client with Node and serves it from unprivileged nginx', () => {
    expect(stages[0].from).toMatch(/^node:\d+-bookworm-slim$/);
    expect(all(stages[0], 'RUN').join('\n')).toMatch(/nx run web:build/);
    expect(runtime.from).toMatch(/^nginxinc\/nginx-unprivileged:[\d.]+-alpine$/);
    expect(all(runtime, 'USER')[0]).toMatch(/^101(:101)?$/);
    expect(all(runtime, 'EXPOSE')).toEqual(['8080']);
  });

  it('installs the tested nginx template and the built browser bundle', () => {
    const copies = all(runtime, 'COPY');
    expect(copies).toContain('docker/nginx/web.conf.template /etc/nginx/templates/default.conf.template');
    expect(existsSync(join(repoRoot, 'docker/nginx/web.conf.template'))).toBe(true);
    expect(copies.some((c) => c.includes('--from=build') && c.includes('dist/apps/web/browser'))).toBe(true);
  });

  it('checks its own health on /healthz', () => {
    expect(healthcheckCommand(runtime).join(' ')).toContain('http://127.0.0.1:8080/healthz');
  });

  it('keeps secrets and build output out of the build context', () => {
    expect(ignoreFile('web.Dockerfile')).toEqual(expect.arrayContaining(['.git', '**/node_modules', 'dist', '.env']));
  });
});
