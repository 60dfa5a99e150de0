// A small Dockerfile reader: continuation lines joined, comments dropped, split into stages.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { dockerDir } from './tools';

export interface Instruction {
  keyword: string;
  args: string;
}

export interface Stage {
  from: string;
  name?: string;
  instructions: Instruction[];
}

export function readDockerfile(file: string): { args: Record<string, string>; stages: Stage[] } {
  const logical = readFileSync(join(dockerDir, file), 'utf8')
    .split('\n')
    .filter((line) => !/^\s*#/.test(line))
    .join('\n')
    .replace(/\\\n/g, ' ')
    .split('\n')
    .map((line) => line.trim())
    .filter(Boolean);
  const args: Record<string, string> = {};
  const stages: Stage[] = [];
  for (const line of logical) {
    const [, keyword, rest] = /^(\w+)\s+(.*)$/.exec(line) ?? [];
    if (!keyword) continue;
    if (keyword === 'FROM') {
      const [, image, name] = /^(\S+)(?:\s+AS\s+(\S+))?$/i.exec(rest) ?? [];
      stages.push({ from: image.replace(/\$\{(\w+)\}/g, (_, v: string) => args[v] ?? ''), name, instructions: [] });
    } else if (keyword === 'ARG' && stages.length === 0) {
      const [name, value] = rest.split('=');
      args[name] = value ?? '';
    } else {
      stages.at(-1)?.instructions.push({ keyword, args: rest.replace(/\s+/g, ' ') });
    }
  }
  return { args, stages };
}

export function all(stage: Stage, keyword: string): string[] {
  return stage.instructions.filter((i) => i.keyword === keyword).map((i) => i.args);
}

/** HEALTHCHECK [options] CMD ["exec", "form"] -> the exec array. */
export function healthcheckCommand(stage: Stage): string[] {
  const [healthcheck] = all(stage, 'HEALTHCHECK');
  const json = /\bCMD\s+(\[.*\])$/.exec(healthcheck ?? '')?.[1];
  if (!json) throw new Error('HEALTHCHECK must use the exec form CMD ["..."]');
  return JSON.parse(json) as string[];
}
