import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync, mkdirSync, rmSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { compileServer } from '../../support/compile-server';

const ROOT = resolve(__dirname, '../../../../..');

/**
 * Compiles the server once into a private folder under tmp/ (not dist/, which other runs use),
 * inside the workspace so the build finds node_modules.
 */
export function buildServer(): string {
  const out = join(ROOT, 'tmp', `redis-e2e-${process.pid}`);
  if (!existsSync(join(out, 'apps/api/src/main.js'))) {
    mkdirSync(out, { recursive: true });
    compileServer(out);
  }
  return out;
}

export const removeBuild = (out: string) => rmSync(out, { recursive: true, force: true });

export interface WorkerProcess {
  child: ChildProcess;
  output: string[];
  /** Resolves when the process has exited. */
  exited: Promise<number | null>;
  stop(signal?: NodeJS.Signals): Promise<void>;
}

/** Runs the built main.js as a separate process with the given role. */
export function startProcess(out: string, env: Record<string, string>, role: 'worker' | 'api' | 'all' = 'worker'): WorkerProcess {
  const child = spawn(process.execPath, [join(out, 'apps/api/src/main.js'), `--role=${role}`], {
    cwd: ROOT,
    env: { PATH: process.env['PATH'] ?? '', PORT: '0', NODE_ENV: 'test', LOG_LEVEL: 'info', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const output: string[] = [];
  child.stdout!.on('data', (d: Buffer) => output.push(d.toString()));
  child.stderr!.on('data', (d: Buffer) => output.push(d.toString()));
  const exited = new Promise<number | null>((r) => child.once('exit', (code) => r(code)));
  return {
    child,
    output,
    exited,
    async stop(signal = 'SIGTERM') {
      if (child.exitCode === null && child.signalCode === null) child.kill(signal);
      await exited;
    },
  };
}

/** Waits until the process logged that it is listening (it is booted and its worker runs). */
export async function whenListening(p: WorkerProcess, timeoutMs = 20_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!p.output.join('').includes('listening on')) {
    if (p.child.exitCode !== null) throw new Error(`process exited: ${p.output.join('')}`);
    if (Date.now() > deadline) throw new Error(`process did not start: ${p.output.join('').slice(-2000)}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

/** The base URL the process logged when it started listening. */
export function urlOf(p: WorkerProcess): string {
  const match = /listening on (http:\/\/[\d.]+:\d+)/.exec(p.output.join(''));
  if (!match?.[1]) throw new Error('process has not logged its URL');
  return match[1];
}
