// Every object in docker/k8s validates against the Kubernetes schemas, and kustomization.yaml
// applies exactly the objects that belong in a cluster.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { k8sDir, loadManifests, manifestFiles, named, validateManifest, type Manifest } from './support/k8s-manifests';
import { findTool, run } from './support/tools';

const examples = ['secret.example.yaml'];

describe('Kubernetes manifests: schemas', () => {
  const manifests = loadManifests();

  it.each(manifests.map((m) => [`${m.file} ${m.kind}/${m.metadata.name}`, m] as const))('%s validates', (_label, manifest) => {
    expect(() => validateManifest(manifest)).not.toThrow();
  });

  it('covers every kind the issue asks for', () => {
    const kinds = new Set(manifests.map((m) => m.kind));
    for (const kind of [
      'Namespace',
      'ConfigMap',
      'Secret',
      'Deployment',
      'Service',
      'Ingress',
      'HorizontalPodAutoscaler',
      'PodDisruptionBudget',
      'NetworkPolicy',
    ]) {
      expect(kinds).toContain(kind);
    }
  });

  it('catches schema errors, so the validation above can fail', () => {
    const deployment = structuredClone(named(manifests, 'Deployment', 'primetrade-api')) as Manifest;
    deployment['spec'].template.spec.containers[0].ports[0].containerPort = '3000';
    expect(() => validateManifest(deployment)).toThrow(/containerPort must be integer/);
    const hpa = structuredClone(named(manifests, 'HorizontalPodAutoscaler', 'primetrade-api')) as Manifest;
    delete hpa['spec'].maxReplicas;
    expect(() => validateManifest(hpa)).toThrow(/maxReplicas/);
  });

  it('puts every object in the primetrade namespace', () => {
    for (const m of manifests.filter((m) => m.kind !== 'Namespace')) {
      expect({ object: `${m.kind}/${m.metadata.name}`, namespace: m.metadata.namespace }).toEqual({
        object: `${m.kind}/${m.metadata.name}`,
        namespace: 'primetrade',
      });
    }
  });

  describe('kustomization.yaml', () => {
    const kustomization = parse(readFileSync(join(k8sDir, 'kustomization.yaml'), 'utf8')) as { resources: string[]; namespace: string };

    it('lists every manifest except the examples, and nothing else', () => {
      expect([...kustomization.resources].sort()).toEqual(manifestFiles().filter((f) => !examples.includes(f)));
      expect(kustomization.namespace).toBe('primetrade');
    });

    it('never applies a Secret with placeholder values', () => {
      const applied = loadManifests(kustomization.resources);
      expect(applied.filter((m) => m.kind === 'Secret')).toEqual([]);
    });

    it('renders with kustomize', () => {
      const kubectl = findTool('kubectl');
      if (!kubectl) {
        // kubectl is not a Debian package; the schema checks above do not depend on it.
        console.log('skipped: kubectl not installed, kustomize rendering not checked');
        return;
      }
      const result = run(kubectl, ['kustomize', k8sDir]);
      expect(result.stderr).toBe('');
      expect(result.status).toBe(0);
      const rendered = result.stdout.split(/^---$/m).filter((d) => d.trim());
      expect(rendered).toHaveLength(loadManifests(kustomization.resources).length);
    });
  });
});
