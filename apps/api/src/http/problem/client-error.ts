import { randomUUID } from 'node:crypto';
import { STATUS_CODES } from 'node:http';
import type { Socket } from 'node:net';
import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import { PROBLEM_CONTENT_TYPE } from './problem-details';

/** How long a socket answered before any request was parsed may linger for the client to read it. */
const LINGER_MS = 2000;

const PROBLEMS: Record<string, { status: number; code: string; detail: string }> = {
  HPE_HEADER_OVERFLOW: { status: 431, code: 'HEADERS_TOO_LARGE', detail: 'The request header block is larger than the server accepts.' },
  ERR_HTTP_REQUEST_TIMEOUT: { status: 408, code: 'REQUEST_TIMEOUT', detail: 'The request was not received in time.' },
};
const MALFORMED = { status: 400, code: 'MALFORMED_REQUEST', detail: 'The request is not valid HTTP.' };

/**
 * Fastify's `clientErrorHandler`: errors Node's HTTP parser raises before there is a request
 * (header block too large, malformed request line, timeout) answered as problem+json like
 * every other error, instead of Fastify's own JSON. The socket is ended (not destroyed at
 * once), so the client reads the answer before the connection closes.
 */
export function answerClientError(error: NodeJS.ErrnoException, socket: Socket): void {
  if (error.code === 'ECONNRESET' || socket.destroyed) return;
  if (!socket.writable) {
    socket.destroy();
    return;
  }
  const problem = PROBLEMS[error.code ?? ''] ?? MALFORMED;
  const correlationId = randomUUID();
  const title = STATUS_CODES[problem.status] ?? 'Error';
  const body = JSON.stringify({
    type: `urn:primetrade:problem:${problem.code.toLowerCase()}`,
    title,
    status: problem.status,
    detail: problem.detail,
    instance: '/',
    correlationId,
    code: problem.code,
  });
  socket.end(
    `HTTP/1.1 ${problem.status} ${title}\r\nContent-Type: ${PROBLEM_CONTENT_TYPE}; charset=utf-8\r\n` +
      `Content-Length: ${Buffer.byteLength(body)}\r\nX-Correlation-ID: ${correlationId}\r\nConnection: close\r\n\r\n${body}`,
  );
  setTimeout(() => socket.destroy(), LINGER_MS).unref();
}

/**
 * Fastify's `frameworkErrors`: a URL the router refuses before any route runs — a path
 * parameter longer than the router takes (an id that cannot exist) or a malformed percent
 * escape — is a 404 problem like any unknown resource, instead of Fastify's own JSON (414/400).
 */
export function answerFrameworkError(error: FastifyError, request: FastifyRequest, reply: FastifyReply): void {
  const detail =
    error.code === 'FST_ERR_MAX_PARAM_LENGTH' ? 'No resource has an identifier that long.' : 'The URL names no resource (it is not valid).';
  void reply
    .code(404)
    .header('content-type', `${PROBLEM_CONTENT_TYPE}; charset=utf-8`)
    .header('x-correlation-id', request.id)
    .send(
      JSON.stringify({
        type: 'urn:primetrade:problem:not_found',
        title: 'Not Found',
        status: 404,
        detail,
        instance: request.url.split('?')[0]?.slice(0, 200) ?? '/',
        correlationId: request.id,
        code: 'NOT_FOUND',
      }),
    );
}
