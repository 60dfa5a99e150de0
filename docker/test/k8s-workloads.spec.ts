// Deployments, probes, shutdown timings, security, autoscaling and disruption budgets.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { byKind, loadManifests, named, selects, type Manifest } from './support/k8s-manifests';
import { dockerDir } from './support/tools';

const manifests = loadManifests();
const deployments = byKind(manifests, 'Deployment');
const config = named(manifests, 'ConfigMap', 'primetrade-config')['data'] as Record<string, string>;
const drainMs = Number(config['SHUTDOWN_DRAIN_MS']);
const ingress = named(manifests, 'Ingress', 'primetrade');
// The longest a request may legitimately stay in flight once the drain has ended.
const requestTimeoutMs = Number(ingress.metadata.annotations!['nginx.ingress.kubernetes.io/proxy-read-timeout']) * 1000;

type Probe = { httpGet: { path: string; port: string | number }; periodSeconds: number; timeoutSeconds?: number; failureThreshold: number };
type Container = {
  name: string;
  image: string;
  args?: string[];
  ports: Array<{ name: string; containerPort: number }>;
  startupProbe: Probe;
  livenessProbe: Probe;
  readinessProbe: Probe;
  resources: { requests: Record<string, string>; limits: Record<string, string> };
  securityContext: {
    allowPrivilegeEscalation: boolean;
    readOnlyRootFilesystem: boolean;
    runAsNonRoot?: boolean;
    capabilities: { drop: string[] };
  };
  volumeMounts: Array<{ name: string; mountPath: string }>;
  envFrom?: Array<{ configMapRef?: { name: string }; secretRef?: { name: string } }>;
  env?: Array<{ name: string; value?: string; valueFrom?: { secretKeyRef?: { name: string; key: string; optional?: boolean } } }>;
};
const podSpec = (d: Manifest) => d['spec'].template.spec;
const containerOf = (d: Manifest): Container => podSpec(d).containers[0];
const dockerfileUser = (file: string) => {
  const users = [...readFileSync(join(dockerDir, file), 'utf8').matchAll(/^USER (\d+)(?::(\d+))?$/gm)];
  return Number(users.at(-1)![1]);
};

const roles = {
  'primetrade-api': { live: '/api/health/live', ready: '/api/health/ready', user: dockerfileUser('api.Dockerfile'), role: '--role=api' },
  'primetrade-worker': {
    live: '/api/health/live',
    ready: '/api/health/ready',
    user: dockerfileUser('api.Dockerfile'),
    role: '--role=worker',
  },
  'primetrade-web': { live: '/healthz', ready: '/healthz', user: dockerfileUser('web.Dockerfile'), role: undefined },
} as const;

describe('Kubernetes manifests: workloads', () => {
  it('has the api, worker and web Deployments, each with a single container', () => {
    expect(deployments.map((d) => d.metadata.name).sort()).toEqual(Object.keys(roles).sort());
    for (const d of deployments) expect(podSpec(d).containers).toHaveLength(1);
  });

  describe.each(Object.entries(roles))('%s', (name, expected) => {
    const deployment = named(manifests, 'Deployment', name);
    const container = containerOf(deployment);
    const pod = podSpec(deployment);

    it('selects its own pod template', () => {
      expect(selects(deployment['spec'].selector.matchLabels, deployment['spec'].template.metadata.labels)).toBe(true);
    });

    it('probes: startup and liveness on the live endpoint, readiness on the ready endpoint, by named port', () => {
      expect(container.startupProbe.httpGet.path).toBe(expected.live);
      expect(container.livenessProbe.httpGet.path).toBe(expected.live);
      expect(container.readinessProbe.httpGet.path).toBe(expected.ready);
      const portNames = container.ports.map((p) => p.name);
      for (const probe of [container.startupProbe, container.livenessProbe, container.readinessProbe]) {
        expect(portNames).toContain(probe.httpGet.port);
      }
      // Liveness must not kill a pod that is still booting: the startup probe covers boot.
      expect(container.startupProbe.periodSeconds * container.startupProbe.failureThreshold).toBeGreaterThanOrEqual(30);
    });

    it('runs restricted: non-root (matching the image USER), read-only root, no escalation, no capabilities', () => {
      expect(pod.securityContext.runAsNonRoot).toBe(true);
      expect(pod.securityContext.runAsUser).toBe(expected.user);
      expect(pod.securityContext.runAsUser).toBeGreaterThan(0);
      expect(pod.securityContext.seccompProfile).toEqual({ type: 'RuntimeDefault' });
      expect(container.securityContext).toMatchObject({
        allowPrivilegeEscalation: false,
        readOnlyRootFilesystem: true,
        runAsNonRoot: true,
      });
      expect(container.securityContext.capabilities.drop).toEqual(['ALL']);
      expect(pod.automountServiceAccountToken).toBe(false);
      expect(pod.hostNetwork ?? false).toBe(false);
    });

    it('mounts a writable /tmp, since the root filesystem is read-only', () => {
      const tmp = container.volumeMounts.find((m) => m.mountPath === '/tmp');
      expect(tmp).toBeDefined();
      expect(pod.volumes.find((v: { name: string }) => v.name === tmp!.name).emptyDir).toBeDefined();
    });

    it('declares CPU and memory requests and limits', () => {
      for (const key of ['cpu', 'memory']) {
        expect(container.resources.requests[key]).toBeDefined();
        expect(container.resources.limits[key]).toBeDefined();
      }
    });

    it('runs the image built by docker/, with its role', () => {
      expect(container.image).toMatch(name === 'primetrade-web' ? /^primetrade\/web:/ : /^primetrade\/api:/);
      expect(container.args?.[0]).toBe(expected.role);
    });

    it('is covered by exactly one PodDisruptionBudget', () => {
      const budgets = byKind(manifests, 'PodDisruptionBudget').filter((p) =>
        selects(p['spec'].selector.matchLabels, deployment['spec'].template.metadata.labels),
      );
      expect(budgets).toHaveLength(1);
    });

    it('rolls out without losing capacity', () => {
      expect(deployment['spec'].strategy.rollingUpdate.maxUnavailable).toBe(0);
    });
  });

  describe('graceful shutdown timings (SHUTDOWN_DRAIN_MS from the ConfigMap)', () => {
    it('drains for a real interval', () => {
      expect(drainMs).toBeGreaterThanOrEqual(5000);
    });

    it.each(['primetrade-api', 'primetrade-worker'])('%s: the grace period outlasts the drain plus in-flight requests', (name) => {
      const deployment = named(manifests, 'Deployment', name);
      expect(podSpec(deployment).terminationGracePeriodSeconds * 1000).toBeGreaterThan(drainMs + requestTimeoutMs);
    });

    it.each(['primetrade-api', 'primetrade-worker'])('%s: readiness notices the 503 before the drain ends', (name) => {
      const probe = containerOf(named(manifests, 'Deployment', name)).readinessProbe;
      const worstCaseMs = (probe.periodSeconds * probe.failureThreshold + (probe.timeoutSeconds ?? 1)) * 1000;
      expect(worstCaseMs).toBeLessThan(drainMs);
    });

    it('web: the preStop pause fits inside the grace period', () => {
      const web = named(manifests, 'Deployment', 'primetrade-web');
      const command = podSpec(web).containers[0].lifecycle.preStop.exec.command as string[];
      expect(command[0]).toBe('sleep');
      const seconds = command[1];
      expect(Number(seconds)).toBeGreaterThan(0);
      expect(Number(seconds)).toBeLessThan(podSpec(web).terminationGracePeriodSeconds);
    });
  });

  describe('configuration and secrets', () => {
    const secretKeys = Object.keys(named(manifests, 'Secret', 'primetrade-secrets')['stringData']);

    it.each(['primetrade-api', 'primetrade-worker'])('%s: reads the ConfigMap and takes secrets by key reference', (name) => {
      const container = containerOf(named(manifests, 'Deployment', name));
      expect(container.envFrom).toEqual([{ configMapRef: { name: 'primetrade-config' } }]);
      const fromSecret = (container.env ?? []).filter((e) => e.valueFrom?.secretKeyRef);
      expect(fromSecret.map((e) => e.name)).toEqual(
        expect.arrayContaining(['JWT_SECRET', 'ENCRYPTION_KEYS', 'ENCRYPTION_ACTIVE_KEY', 'BLIND_INDEX_KEY', 'MONGODB_URI', 'REDIS_URL']),
      );
      for (const e of fromSecret) {
        expect(e.valueFrom!.secretKeyRef!.name).toBe('primetrade-secrets');
        expect(secretKeys).toContain(e.valueFrom!.secretKeyRef!.key);
      }
      // Nothing secret as a literal value.
      expect((container.env ?? []).filter((e) => /SECRET|PASSWORD|_URI|_URL/.test(e.name) && e.value !== undefined)).toEqual([]);
    });

    it('keeps secrets out of the ConfigMap', () => {
      expect(Object.keys(config).filter((k) => /SECRET|PASSWORD|MONGODB_URI|REDIS_URL|SMTP_URL/.test(k))).toEqual([]);
      expect(config['NODE_ENV']).toBe('production');
    });

    it.each(['primetrade-api', 'primetrade-worker'])(
      '%s: exposes the app and metrics ports the ConfigMap configures, annotated for scraping',
      (name) => {
        const deployment = named(manifests, 'Deployment', name);
        const ports = Object.fromEntries(containerOf(deployment).ports.map((p) => [p.name, p.containerPort]));
        expect(ports).toEqual({ http: Number(config['PORT']), metrics: Number(config['METRICS_PORT']) });
        expect(deployment['spec'].template.metadata.annotations).toMatchObject({
          'prometheus.io/scrape': 'true',
          'prometheus.io/port': config['METRICS_PORT'],
          'prometheus.io/path': '/metrics',
        });
      },
    );

    it('keeps the V8 heap below the memory limit, and readiness fails before the heap is full', () => {
      for (const name of ['primetrade-api', 'primetrade-worker']) {
        const container = containerOf(named(manifests, 'Deployment', name));
        const heapMb = Number(/--max-old-space-size=(\d+)/.exec(container.env!.find((e) => e.name === 'NODE_OPTIONS')!.value!)![1]);
        const limitMb = Number(/^(\d+)Mi$/.exec(container.resources.limits['memory'])![1]);
        expect(heapMb).toBeLessThanOrEqual(limitMb * 0.8);
        expect(Number(config['HEALTH_HEAP_LIMIT_MB'])).toBeLessThan(heapMb);
      }
    });

    it('listens on all interfaces and trusts the ingress for client addresses', () => {
      expect(config['HOST']).toBe('0.0.0.0');
      expect(config['TRUST_PROXY']).toBe('true');
    });
  });

  describe('autoscaling and disruption', () => {
    const hpa = named(manifests, 'HorizontalPodAutoscaler', 'primetrade-api');
    const api = named(manifests, 'Deployment', 'primetrade-api');

    it('scales the API on CPU at 70% with at least 3 replicas', () => {
      expect(hpa.apiVersion).toBe('autoscaling/v2');
      expect(hpa['spec'].scaleTargetRef).toEqual({ apiVersion: 'apps/v1', kind: 'Deployment', name: 'primetrade-api' });
      expect(hpa['spec'].minReplicas).toBe(3);
      expect(hpa['spec'].maxReplicas).toBeGreaterThan(3);
      expect(hpa['spec'].metrics).toEqual([
        { type: 'Resource', resource: { name: 'cpu', target: { type: 'Utilization', averageUtilization: 70 } } },
      ]);
    });

    it('leaves API replicas to the HPA and gives it a CPU request to measure against', () => {
      expect(api['spec'].replicas).toBeUndefined();
      expect(containerOf(api).resources.requests['cpu']).toBeDefined();
    });

    it('lets a node drain proceed: the API budget is below the HPA minimum', () => {
      const budget = byKind(manifests, 'PodDisruptionBudget').find((p) =>
        selects(p['spec'].selector.matchLabels, api['spec'].template.metadata.labels),
      )!;
      expect(budget['spec'].minAvailable).toBeLessThan(hpa['spec'].minReplicas);
      expect(budget['spec'].minAvailable).toBeGreaterThanOrEqual(2);
    });

    it('runs the other roles with more than one replica so their budgets allow disruption', () => {
      for (const name of ['primetrade-worker', 'primetrade-web']) {
        expect(named(manifests, 'Deployment', name)['spec'].replicas).toBeGreaterThanOrEqual(2);
      }
    });
  });

  it('enforces the restricted Pod Security Standard on the namespace', () => {
    expect(named(manifests, 'Namespace', 'primetrade').metadata.labels).toMatchObject({
      'pod-security.kubernetes.io/enforce': 'restricted',
    });
  });
});
