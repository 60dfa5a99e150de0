// Services, Ingress and NetworkPolicies: what is reachable from where, and that /metrics is not
// reachable from the internet.
import { byKind, loadManifests, named, selects, type Manifest } from './support/k8s-manifests';

const manifests = loadManifests();
const policies = byKind(manifests, 'NetworkPolicy');
const podLabels = (name: string) => named(manifests, 'Deployment', name)['spec'].template.metadata.labels as Record<string, string>;
const metricsPort = Number(named(manifests, 'ConfigMap', 'primetrade-config')['data'].METRICS_PORT);

type Peer = {
  podSelector?: { matchLabels?: Record<string, string> };
  namespaceSelector?: { matchLabels?: Record<string, string> };
  ipBlock?: unknown;
};
type Rule = { from?: Peer[]; to?: Peer[]; ports?: Array<{ port: number; protocol: string }> };

/** Policies that select a pod with these labels (matchLabels or an `In` expression). */
function policiesFor(labels: Record<string, string>): Manifest[] {
  return policies.filter((p) => {
    const selector = p['spec'].podSelector as {
      matchLabels?: Record<string, string>;
      matchExpressions?: Array<{ key: string; operator: string; values: string[] }>;
    };
    if (!selector.matchLabels && !selector.matchExpressions) return false; // default deny, checked on its own
    const byLabels = !selector.matchLabels || selects(selector.matchLabels, labels);
    const byExpressions = (selector.matchExpressions ?? []).every((e) => e.operator === 'In' && e.values.includes(labels[e.key]));
    return byLabels && byExpressions;
  });
}

/** A readable summary of a rule's peers: "ns:ingress-nginx/pod:ingress-nginx", "pod:mongodb", "any". */
function describePeers(peers: Peer[] | undefined): string[] {
  if (!peers || peers.length === 0) return ['any'];
  return peers.map((peer) => {
    if (peer.ipBlock) return 'ipBlock';
    const ns = peer.namespaceSelector?.matchLabels?.['kubernetes.io/metadata.name'];
    const pod = peer.podSelector?.matchLabels?.['app.kubernetes.io/name'] ?? peer.podSelector?.matchLabels?.['k8s-app'];
    return [ns && `ns:${ns}`, pod && `pod:${pod}`].filter(Boolean).join('/') || 'any';
  });
}

function summarize(rules: Rule[] | undefined, direction: 'from' | 'to'): string[] {
  return (rules ?? [])
    .flatMap((rule) =>
      describePeers(rule[direction]).flatMap((peer) =>
        (rule.ports ?? [{ port: 0, protocol: 'any' }]).map((p) => `${peer} ${p.protocol}/${p.port}`),
      ),
    )
    .sort();
}

describe('Kubernetes manifests: network', () => {
  describe('Services', () => {
    it.each([
      ['primetrade-api', 'primetrade-api'],
      ['primetrade-web', 'primetrade-web'],
    ])('%s selects the %s pods and targets a named container port', (service, deployment) => {
      const svc = named(manifests, 'Service', service);
      expect(selects(svc['spec'].selector, podLabels(deployment))).toBe(true);
      const portNames = named(manifests, 'Deployment', deployment)['spec'].template.spec.containers[0].ports.map(
        (p: { name: string }) => p.name,
      );
      for (const port of svc['spec'].ports) expect(portNames).toContain(port.targetPort);
      expect(svc['spec'].type).toBe('ClusterIP');
    });

    it('never publishes the metrics port through a Service', () => {
      for (const svc of byKind(manifests, 'Service')) {
        for (const port of svc['spec'].ports) {
          expect([port.port, port.targetPort, port.name]).not.toContain(metricsPort);
          expect(port.targetPort).not.toBe('metrics');
        }
      }
    });
  });

  describe('Ingress', () => {
    const ingress = named(manifests, 'Ingress', 'primetrade');
    const paths = ingress['spec'].rules.flatMap((r: { http: { paths: unknown[] } }) => r.http.paths) as Array<{
      path: string;
      pathType: string;
      backend: { service: { name: string; port: { name: string } } };
    }>;

    it('routes /api to the API and everything else to the web client', () => {
      expect(paths.map((p) => [p.path, p.pathType, p.backend.service.name, p.backend.service.port.name])).toEqual([
        ['/api', 'Prefix', 'primetrade-api', 'http'],
        ['/', 'Prefix', 'primetrade-web', 'http'],
      ]);
      for (const p of paths) expect(() => named(manifests, 'Service', p.backend.service.name)).not.toThrow();
    });

    it('terminates TLS for every host and forces HTTPS', () => {
      const hosts = ingress['spec'].rules.map((r: { host: string }) => r.host);
      expect(ingress['spec'].tls.flatMap((t: { hosts: string[] }) => t.hosts)).toEqual(hosts);
      expect(ingress.metadata.annotations).toMatchObject({ 'nginx.ingress.kubernetes.io/force-ssl-redirect': 'true' });
      expect(ingress.metadata.annotations!['nginx.ingress.kubernetes.io/proxy-body-size']).toBe('1m');
    });

    it('has no path to /metrics', () => {
      expect(paths.filter((p) => p.path.startsWith('/metrics'))).toEqual([]);
    });
  });

  describe('NetworkPolicies', () => {
    it('denies all ingress and egress by default', () => {
      const deny = policies.find((p) => Object.keys(p['spec'].podSelector).length === 0)!;
      expect(deny).toBeDefined();
      expect(deny['spec'].policyTypes.sort()).toEqual(['Egress', 'Ingress']);
      expect(deny['spec'].ingress).toBeUndefined();
      expect(deny['spec'].egress).toBeUndefined();
    });

    it('lets only the ingress controller reach the API, and Prometheus its metrics port', () => {
      const ingress = policiesFor(podLabels('primetrade-api')).flatMap((p) => p['spec'].ingress ?? []);
      expect(summarize(ingress, 'from')).toEqual([`ns:ingress-nginx/pod:ingress-nginx TCP/3000`, `ns:monitoring TCP/${metricsPort}`]);
    });

    it('lets the API talk only to MongoDB, Redis and DNS (plus the OTLP collector for traces)', () => {
      const own = policiesFor(podLabels('primetrade-api')).filter((p) => p.metadata.name === 'primetrade-api');
      expect(
        summarize(
          own.flatMap((p) => p['spec'].egress),
          'to',
        ),
      ).toEqual([
        'ns:kube-system/pod:kube-dns TCP/53',
        'ns:kube-system/pod:kube-dns UDP/53',
        'pod:mongodb TCP/27017',
        'pod:redis TCP/6379',
      ]);
      const tracing = policiesFor(podLabels('primetrade-api')).filter((p) => p.metadata.name !== 'primetrade-api');
      expect(
        summarize(
          tracing.flatMap((p) => p['spec'].egress ?? []),
          'to',
        ),
      ).toEqual(['ns:monitoring/pod:opentelemetry-collector TCP/4317', 'ns:monitoring/pod:opentelemetry-collector TCP/4318']);
    });

    it("gives the worker no inbound traffic but metrics, and SMTP on top of the API's egress", () => {
      const selected = policiesFor(podLabels('primetrade-worker'));
      expect(
        summarize(
          selected.flatMap((p) => p['spec'].ingress ?? []),
          'from',
        ),
      ).toEqual([`ns:monitoring TCP/${metricsPort}`]);
      const egress = summarize(
        selected.flatMap((p) => p['spec'].egress ?? []),
        'to',
      );
      expect(egress).toEqual(expect.arrayContaining(['pod:mongodb TCP/27017', 'pod:redis TCP/6379', 'any TCP/587', 'any TCP/465']));
      // Open destinations only on mail submission ports.
      expect(egress.filter((e) => e.startsWith('any')).sort()).toEqual(['any TCP/465', 'any TCP/587']);
    });

    it('lets the web pods be reached by the ingress controller only, and resolve names only', () => {
      const selected = policiesFor(podLabels('primetrade-web'));
      expect(
        summarize(
          selected.flatMap((p) => p['spec'].ingress ?? []),
          'from',
        ),
      ).toEqual(['ns:ingress-nginx/pod:ingress-nginx TCP/8080']);
      expect(
        summarize(
          selected.flatMap((p) => p['spec'].egress ?? []),
          'to',
        ),
      ).toEqual(['ns:kube-system/pod:kube-dns TCP/53', 'ns:kube-system/pod:kube-dns UDP/53']);
    });

    it('never opens a port to the whole world on the ingress side', () => {
      for (const p of policies) {
        for (const rule of (p['spec'].ingress ?? []) as Rule[]) expect(describePeers(rule.from)).not.toContain('any');
      }
    });
  });
});
