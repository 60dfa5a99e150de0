// Runs the Debian tools the ops checks rely on. A missing tool fails the suite with the package to
// install (CI installs .ci/apt-packages.txt) instead of letting the checks pass silently.
import { spawn, spawnSync, type SpawnSyncOptions } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { delimiter, join, resolve } from 'node:path';

export const repoRoot = resolve(__dirname, '../../..');
export const dockerDir = join(repoRoot, 'docker');

// nginx lives in /usr/sbin, which a non-root PATH may lack.
const searchPath = [...(process.env['PATH'] ?? '').split(delimiter), '/usr/sbin', '/usr/local/sbin', '/sbin'];

export function findTool(bin: string): string | undefined {
  return searchPath.map((dir) => join(dir, bin)).find((candidate) => existsSync(candidate));
}

export function requireTool(bin: string, debianPackage: string): string {
  const found = findTool(bin);
  if (!found) {
    throw new Error(
      `${bin} is not installed: run "apt-get install -y ${debianPackage}" (Debian package "${debianPackage}", ` +
        `listed in .ci/apt-packages.txt). The ops checks cannot pass without it.`,
    );
  }
  return found;
}

export interface RunResult {
  status: number | null;
  stdout: string;
  stderr: string;
  output: string;
}

export function run(command: string, args: string[], options: SpawnSyncOptions = {}): RunResult {
  const result = spawnSync(command, args, { encoding: 'utf8', timeout: 60_000, ...options });
  if (result.error) throw result.error;
  const stdout = String(result.stdout ?? '');
  const stderr = String(result.stderr ?? '');
  return { status: result.status, stdout, stderr, output: `${stdout}\n${stderr}` };
}

export function makeTempDir(prefix: string): { path: string; remove(): void } {
  const path = mkdtempSync(join(tmpdir(), `primetrade-${prefix}-`));
  return { path, remove: () => rmSync(path, { recursive: true, force: true }) };
}

/** Like run(), but keeps this process's event loop free (for servers the child talks to). */
export function runAsync(command: string, args: string[], options: { env?: NodeJS.ProcessEnv; timeout?: number } = {}): Promise<RunResult> {
  return new Promise((resolveRun, reject) => {
    const child = spawn(command, args, { env: options.env, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk) => (stdout += chunk));
    child.stderr.on('data', (chunk) => (stderr += chunk));
    const timer = setTimeout(() => child.kill('SIGKILL'), options.timeout ?? 60_000);
    child.once('error', reject);
    child.once('close', (status) => {
      clearTimeout(timer);
      resolveRun({ status, stdout, stderr, output: `${stdout}\n${stderr}` });
    });
  });
}
