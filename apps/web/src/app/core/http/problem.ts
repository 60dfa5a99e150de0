import { HttpErrorResponse } from '@angular/common/http';

/** An API error reduced to what the UI shows: a message and messages per form field. */
export interface Problem {
  status: number;
  message: string;
  fieldErrors: Record<string, string>;
}

interface ProblemBody {
  title?: string;
  detail?: string;
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
  return { status: error.status, message, fieldErrors };
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
