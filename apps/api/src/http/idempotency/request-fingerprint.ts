import { createHash } from 'node:crypto';

interface FingerprintedRequest {
  method: string;
  url: string;
  headers: Record<string, string | string[] | undefined>;
  body?: unknown;
}

/**
 * What makes two requests "the same" for an Idempotency-Key: method, path with query, and a hash
 * of the body. A streamed (multipart) body cannot be read ahead of the handler, so its length
 * and media type stand in for it (the part boundary is left out: clients draw a new one per try).
 */
export function requestFingerprint(request: FingerprintedRequest): string {
  const contentType = String(request.headers['content-type'] ?? '');
  const body = contentType.startsWith('multipart/')
    ? `multipart:${request.headers['content-length'] ?? ''}:${contentType.split(';')[0]}`
    : JSON.stringify(request.body ?? null);
  return createHash('sha256').update(`${request.method} ${request.url}\n`).update(body).digest('base64url');
}

/** `Idempotency-Key: "abc"` (an sf-string, as the draft writes it) or a bare token; 1 to 255 printable ASCII characters. */
export function parseIdempotencyKey(header: string): string | null {
  const key = header.length >= 2 && header.startsWith('"') && header.endsWith('"') ? header.slice(1, -1) : header;
  return /^[\x20-\x7e]{1,255}$/.test(key) && key.trim().length > 0 ? key : null;
}
