// Loads docker/k8s/*.yaml and validates each document against the Kubernetes OpenAPI schemas
// compiled into the kubernetes-models package (offline; no cluster, no kubeconform).
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseAllDocuments } from 'yaml';
import { dockerDir } from './tools';

export const k8sDir = join(dockerDir, 'k8s');

export interface Manifest {
  file: string;
  apiVersion: string;
  kind: string;
  metadata: { name: string; namespace?: string; labels?: Record<string, string>; annotations?: Record<string, string> };
  // The tests walk typed paths themselves; the schema validation below guards the shapes.
  [key: string]: any;
}

/** Files that are not cluster objects: the kustomize entry point. */
const notObjects = new Set(['kustomization.yaml']);

export function manifestFiles(): string[] {
  return readdirSync(k8sDir)
    .filter((f) => /\.ya?ml$/.test(f) && !notObjects.has(f))
    .sort();
}

export function loadManifests(files = manifestFiles()): Manifest[] {
  return files.flatMap((file) =>
    parseAllDocuments(readFileSync(join(k8sDir, file), 'utf8')).map((doc) => {
      if (doc.errors.length) throw new Error(`${file}: ${doc.errors.map((e) => e.message).join('; ')}`);
      return { ...(doc.toJS() as Omit<Manifest, 'file'>), file } as Manifest;
    }),
  );
}

/** "apps/v1" + "Deployment" -> kubernetes-models/apps/v1/Deployment; core "v1" -> kubernetes-models/v1/... */
export function modelFor(apiVersion: string, kind: string): { new (data: unknown): { validate(): void } } {
  const modulePath = `kubernetes-models/${apiVersion}/${kind}`;
  let exported: Record<string, unknown>;
  try {
    exported = require(modulePath);
  } catch {
    throw new Error(`no schema for ${apiVersion} ${kind} (${modulePath}): not a Kubernetes 1.27+ built-in kind`);
  }
  const model = exported[kind];
  if (typeof model !== 'function') throw new Error(`${modulePath} does not export ${kind}`);
  return model as { new (data: unknown): { validate(): void } };
}

export function validateManifest(manifest: Manifest): void {
  const { file: _file, ...object } = manifest;
  const Model = modelFor(manifest.apiVersion, manifest.kind);
  new Model(object).validate();
}

export function byKind(manifests: Manifest[], kind: string): Manifest[] {
  return manifests.filter((m) => m.kind === kind);
}

export function named(manifests: Manifest[], kind: string, name: string): Manifest {
  const found = manifests.find((m) => m.kind === kind && m.metadata.name === name);
  if (!found) throw new Error(`no ${kind} named ${name} in docker/k8s`);
  return found;
}

export function selects(selector: Record<string, string> | undefined, labels: Record<string, string> | undefined): boolean {
  if (!selector || Object.keys(selector).length === 0) return false;
  return Object.entries(selector).every(([k, v]) => labels?.[k] === v);
}
