import { execFileSync } from 'node:child_process';
import { join, resolve } from 'node:path';

const ROOT = resolve(__dirname, '../../../..');

/**
 * The same SWC compile as `nx run api:build` (path aliases from tsconfig.base.json through
 * tools/swc-config.js), into a private folder so it races no real build.
 */
export function compileServer(out: string): void {
  const config = `${out}.swcrc.json`;
  execFileSync(process.execPath, [join(ROOT, 'tools/swc-config.js'), config], { cwd: ROOT });
  execFileSync(
    join(ROOT, 'node_modules/.bin/swc'),
    [
      'apps/api/src',
      'libs/domain/src',
      'libs/infrastructure/src',
      '-d',
      out,
      '--config-file',
      config,
      '--no-swcrc',
      '--copy-files',
      '--ignore',
      '**/*.spec.ts',
      '--quiet',
    ],
    { cwd: ROOT, stdio: ['ignore', 'ignore', 'pipe'] },
  );
}
