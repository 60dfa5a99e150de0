import { HttpErrorResponse } from '@angular/common/http';

/** An API error reduced to what the UI shows: a message and messages per form field. */
export interface Problem {
  status: number;
  message: string;
  fieldErrors: Record<string, string>;
  /** The API's stable code (e.g. `TASK.FILTER_INVALID`), when it sent one. */
  code?: string;
  /** Where a typed expression stops making sense (0-based offset) and what would fit there. */
  position?: number;
  expected?: string[];
}

interface ProblemBody {
  title?: string;
  detail?: string;
  code?: string;
  position?: number;
  expected?: string[];
  errors?: { field?: string; message?: string }[];
}

/** Reads an RFC 9457 problem+json error (or anything else thrown) into a {@link Problem}. */
export function toProblem(error: unknown): Problem {
  if (!(error instanceof HttpErrorResponse)) {
    return { status: 0, message: 'Something went wrong. Please try again.', fieldErrors: {} };
  }
  if (error.status === 0) {
    return { status: 0, message: 'Cannot reach the server. Check your connection and try again.', fieldErrors: {} };
  }
  const body = parseBody(error.error);
  const fieldErrors: Record<string, string> = {};
  for (const item of body.errors ?? []) {
    // The first message per field is the one worth reading; later ones repeat the point.
    if (item.field && item.message && !(item.field in fieldErrors)) fieldErrors[item.field] = item.message;
  }
  let message = body.detail || body.title || `Request failed (${error.status}).`;
  if (error.status === 429) {
    const retryAfter = error.headers?.get('Retry-After');
    message = `Too many requests. ${retryAfter ? `Try again in ${retryAfter} seconds.` : 'Try again later.'}`;
  }
  const problem: Problem = { status: error.status, message, fieldErrors };
  if (typeof body.code === 'string') problem.code = body.code;
  if (typeof body.position === 'number') problem.position = body.position;
  if (Array.isArray(body.expected)) problem.expected = body.expected.filter((e) => typeof e === 'string');
  return problem;
}

function parseBody(raw: unknown): ProblemBody {
  if (typeof raw === 'string') {
    try {
      return JSON.parse(raw) as ProblemBody;
    } catch {
      return {};
    }
  }
  return raw && typeof raw === 'object' ? (raw as ProblemBody) : {};
}
