import { HttpProblemException } from '../problem/http-problem.exception';

export const etagOf = (version: number): string => `"${version}"`;

/**
 * The version named by an If-Match header: `"3"` or `W/"3"`; `*` or no header means any.
 * Anything else cannot match a task's ETag, so it is a 412 like a stale one.
 */
export function parseIfMatch(header: string | undefined): number | undefined {
  if (header === undefined || header.trim() === '*') return undefined;
  const match = /^\s*(?:W\/)?"(\d{1,15})"\s*$/.exec(header);
  if (!match) throw new HttpProblemException(412, 'TASK.PRECONDITION_FAILED', 'If-Match must be the ETag of the task, for example "3".');
  return Number(match[1]);
}
