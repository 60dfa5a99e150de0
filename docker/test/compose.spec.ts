// docker/docker-compose*.yml through `docker-compose config` (Debian's compose v1: it validates and
// resolves a file without any Docker engine), then assertions on the resolved model.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { dockerDir, makeTempDir, requireTool, run } from './support/tools';

type Service = {
  image?: string;
  build?: { context: string; dockerfile: string };
  command?: string[];
  depends_on?: Record<string, { condition: string }>;
  healthcheck?: { test: string[] };
  environment?: Record<string, string>;
  ports?: Array<{ published: number | string; target: number; host_ip?: string } | string>;
  read_only?: boolean;
  cap_drop?: string[];
  security_opt?: string[];
  stop_grace_period?: string;
  volumes?: Array<{ source?: string; target: string; read_only?: boolean } | string>;
  deploy?: { replicas?: number };
  profiles?: string[];
};
type ComposeModel = { services: Record<string, Service> };

const prodSecrets = {
  PUBLIC_ORIGIN: 'https://tasks.example.test',
  JWT_SECRET: 'a'.repeat(64),
  MONGO_ROOT_PASSWORD: 'b'.repeat(32),
  MONGO_REPLICA_KEY: 'c'.repeat(64),
  REDIS_PASSWORD: 'd'.repeat(32),
  ENCRYPTION_KEYS: `k1:${Buffer.alloc(32, 5).toString('base64')}`,
  ENCRYPTION_ACTIVE_KEY: 'k1',
  BLIND_INDEX_KEY: Buffer.alloc(32, 6).toString('base64'),
};

// Compose v1 prints short syntax ("127.0.0.1:3000:3000/tcp", "src:dst:ro"); v2 prints long syntax.
function hostIp(port: NonNullable<Service['ports']>[number]): string | undefined {
  if (typeof port !== 'string') return port.host_ip;
  const parts = port.split(':');
  return parts.length === 3 ? parts[0] : undefined;
}

function mounts(service: Service): string[] {
  return (service.volumes ?? []).map((v) => (typeof v === 'string' ? v.replace(/:(ro|rw)$/, '') : `${v.source}:${v.target}`));
}

function seconds(duration: string | undefined): number {
  const match = /^(\d+)(s|m)$/.exec(duration ?? '');
  if (!match) throw new Error(`unexpected duration ${duration}`);
  return Number(match[1]) * (match[2] === 'm' ? 60 : 1);
}

describe('docker-compose files', () => {
  let compose: string;
  const temp = makeTempDir('compose');
  const emptyEnvFile = join(temp.path, 'empty.env');
  const prodEnvFile = join(temp.path, 'prod.env');

  // A clean environment: a developer's exported JWT_SECRET must not make the checks pass.
  const config = (file: string, envFile: string, extra: string[] = []) =>
    run(compose, ['--env-file', envFile, '-f', join(dockerDir, file), ...extra, 'config'], {
      env: { PATH: process.env['PATH'], HOME: temp.path },
    });

  beforeAll(() => {
    compose = requireTool('docker-compose', 'docker-compose');
    writeFileSync(emptyEnvFile, '');
    writeFileSync(
      prodEnvFile,
      Object.entries(prodSecrets)
        .map(([k, v]) => `${k}=${v}`)
        .join('\n') + '\n',
    );
    writeFileSync(`${prodEnvFile}.smtp`, `${readFileSync(prodEnvFile, 'utf8')}SMTP_URL=smtps://u:p@smtp.example.test:465\n`);
  });
  afterAll(() => temp.remove());

  function expectHealthGatedDependencies(model: ComposeModel): void {
    for (const [name, service] of Object.entries(model.services)) {
      for (const [dependency, { condition }] of Object.entries(service.depends_on ?? {})) {
        const target = model.services[dependency];
        expect({ name, dependency, known: target !== undefined }).toEqual({ name, dependency, known: true });
        // A service_healthy gate on a service without a health check would never open.
        if (condition === 'service_healthy')
          expect({ dependency, checks: (target.healthcheck?.test ?? []).length > 0 }).toEqual({ dependency, checks: true });
      }
    }
  }

  describe('development (docker-compose.yml)', () => {
    let model: ComposeModel;

    beforeAll(() => {
      const result = config('docker-compose.yml', emptyEnvFile, ['--profile', 'observability']);
      if (result.status !== 0) throw new Error(`docker-compose config failed:\n${result.output}`);
      model = parse(result.stdout) as ComposeModel;
    });

    it('is valid and defines MongoDB, Redis, API, worker and web', () => {
      expect(Object.keys(model.services)).toEqual(expect.arrayContaining(['mongo', 'redis', 'api', 'worker', 'web']));
    });

    it('runs MongoDB as a replica set and the app against it', () => {
      expect(model.services['mongo'].command).toEqual(expect.arrayContaining(['--replSet', 'rs0']));
      expect(model.services['mongo'].healthcheck!.test.join(' ')).toContain('isWritablePrimary');
      expect(model.services['api'].environment!['MONGODB_URI']).toMatch(/replicaSet=rs0/);
    });

    it('builds API and worker from one image with different roles', () => {
      const { api, worker } = model.services;
      expect(api.build!.dockerfile).toBe('docker/api.Dockerfile');
      expect(worker.image).toBe(api.image);
      expect(api.command).toEqual(['--role=api']);
      expect(worker.command).toEqual(['--role=worker']);
    });

    it('starts the app only once its dependencies are healthy', () => {
      for (const role of ['api', 'worker']) {
        expect(model.services[role].depends_on).toMatchObject({
          mongo: { condition: 'service_healthy' },
          redis: { condition: 'service_healthy' },
        });
      }
      expect(model.services['web'].depends_on).toMatchObject({ api: { condition: 'service_healthy' } });
      expectHealthGatedDependencies(model);
    });

    it('gates on the readiness endpoint and publishes ports on loopback only', () => {
      expect(model.services['api'].healthcheck!.test.join(' ')).toContain('/api/health/ready');
      for (const [name, service] of Object.entries(model.services)) {
        for (const port of service.ports ?? []) {
          expect({ name, host_ip: hostIp(port) }).toEqual({ name, host_ip: '127.0.0.1' });
        }
      }
    });

    it('keeps Prometheus and Jaeger behind the observability profile, with the tested rules mounted', () => {
      expect(model.services['prometheus'].profiles).toEqual(['observability']);
      expect(mounts(model.services['prometheus'])).toEqual(
        expect.arrayContaining([`${join(dockerDir, 'prometheus/alerts.yml')}:/etc/prometheus/alerts.yml`]),
      );
    });
  });

  describe('production (docker-compose.prod.yml)', () => {
    let model: ComposeModel;

    beforeAll(() => {
      const result = config('docker-compose.prod.yml', prodEnvFile);
      if (result.status !== 0) throw new Error(`docker-compose config failed:\n${result.output}`);
      model = parse(result.stdout) as ComposeModel;
    });

    it('refuses to resolve without its secrets, naming the missing one', () => {
      const result = config('docker-compose.prod.yml', emptyEnvFile);
      expect(result.status).not.toBe(0);
      expect(result.output).toMatch(
        /set (MONGO_ROOT_PASSWORD|REDIS_PASSWORD|JWT_SECRET|PUBLIC_ORIGIN|MONGO_REPLICA_KEY|ENCRYPTION_KEYS|ENCRYPTION_ACTIVE_KEY|BLIND_INDEX_KEY)/,
      );
    });

    it("has the plan's frontend, backend, redis and nginx plus worker and MongoDB", () => {
      expect(Object.keys(model.services).sort()).toEqual(['backend', 'frontend', 'mongodb', 'nginx', 'redis', 'worker']);
    });

    it('health-gates every dependency', () => {
      expect(model.services['nginx'].depends_on).toMatchObject({
        frontend: { condition: 'service_healthy' },
        backend: { condition: 'service_healthy' },
      });
      for (const role of ['backend', 'worker']) {
        expect(model.services[role].depends_on).toMatchObject({
          mongodb: { condition: 'service_healthy' },
          redis: { condition: 'service_healthy' },
        });
      }
      expectHealthGatedDependencies(model);
    });

    it('exposes only nginx to the outside, with the tested nginx.conf', () => {
      const published = Object.entries(model.services)
        .filter(([, s]) => (s.ports ?? []).length > 0)
        .map(([name]) => name);
      expect(published).toEqual(['nginx']);
      expect(mounts(model.services['nginx'])).toContain(`${join(dockerDir, 'nginx/nginx.conf')}:/etc/nginx/nginx.conf`);
    });

    it('passes the secrets into connection strings and the app in production mode', () => {
      const env = model.services['backend'].environment!;
      expect(env['NODE_ENV']).toBe('production');
      expect(env['JWT_SECRET']).toBe(prodSecrets.JWT_SECRET);
      expect(env['ENCRYPTION_KEYS']).toBe(prodSecrets.ENCRYPTION_KEYS);
      expect(env['BLIND_INDEX_KEY']).toBe(prodSecrets.BLIND_INDEX_KEY);
      expect(env['MONGODB_URI']).toContain(`:${prodSecrets.MONGO_ROOT_PASSWORD}@mongodb:27017/`);
      expect(env['MONGODB_URI']).toContain('replicaSet=rs0');
      expect(env['REDIS_URL']).toBe(`redis://:${prodSecrets.REDIS_PASSWORD}@redis:6379`);
      expect(env['METRICS_PORT']).toBe('9464');
    });

    it('passes optional settings only when set: the app rejects an empty SMTP_URL', () => {
      for (const role of ['backend', 'worker']) {
        const env = model.services[role].environment!;
        expect(env['SMTP_URL']).toBeNull();
        expect(env['OTEL_EXPORTER_OTLP_ENDPOINT']).toBeNull();
      }
      const withSmtp = config('docker-compose.prod.yml', prodEnvFile + '.smtp');
      expect(withSmtp.status).toBe(0);
      expect((parse(withSmtp.stdout) as ComposeModel).services['worker'].environment!['SMTP_URL']).toBe(
        'smtps://u:p@smtp.example.test:465',
      );
    });

    it('runs the app read-only, without capabilities, and stops it within its grace period', () => {
      for (const role of ['backend', 'worker']) {
        const service = model.services[role];
        expect(service.read_only).toBe(true);
        expect(service.cap_drop).toEqual(['ALL']);
        expect(service.security_opt).toContain('no-new-privileges:true');
        const drainSeconds = Number(service.environment!['SHUTDOWN_DRAIN_MS']) / 1000;
        expect(seconds(service.stop_grace_period)).toBeGreaterThan(drainSeconds + 10);
      }
      expect(model.services['backend'].command).toEqual(['--role=api']);
      expect(model.services['worker'].command).toEqual(['--role=worker']);
      expect(model.services['backend'].deploy?.replicas).toBeGreaterThanOrEqual(2);
    });
  });
});
