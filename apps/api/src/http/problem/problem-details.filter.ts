import { type ArgumentsHost, Catch, type ExceptionFilter, HttpException, HttpStatus, Logger } from '@nestjs/common';
import { ThrottlerException } from '@nestjs/throttler';
import { DomainError, type DomainErrorKind, type FieldViolation } from '@primetrade/domain';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { HttpProblemException } from './http-problem.exception';
import { PROBLEM_CONTENT_TYPE } from './problem-details';

const STATUS_OF_KIND: Record<DomainErrorKind, number> = {
  validation: 400,
  unauthorized: 401,
  not_found: 404,
  conflict: 409,
  precondition_failed: 412,
  unprocessable: 422,
  too_large: 413,
  unsupported_type: 415,
  unavailable: 503,
};

export interface Problem {
  status: number;
  code: string;
  detail: string;
  errors?: readonly FieldViolation[];
  /** Members a domain error adds (e.g. a filter's position); never overrides the standard ones. */
  extensions?: Readonly<Record<string, unknown>>;
}

const TITLES: Record<number, string> = {
  400: 'Bad Request',
  401: 'Unauthorized',
  403: 'Forbidden',
  404: 'Not Found',
  405: 'Method Not Allowed',
  406: 'Not Acceptable',
  409: 'Conflict',
  412: 'Precondition Failed',
  413: 'Content Too Large',
  415: 'Unsupported Media Type',
  422: 'Unprocessable Content',
  429: 'Too Many Requests',
  500: 'Internal Server Error',
  503: 'Service Unavailable',
};

/**
 * The one place errors become responses: RFC 9457 problem+json with the correlation id.
 * Only known error classes speak; anything else is a 500 whose detail reveals nothing.
 */
@Catch()
export class ProblemDetailsFilter implements ExceptionFilter {
  private readonly logger = new Logger('Problem');

  catch(exception: unknown, host: ArgumentsHost): void {
    const ctx = host.switchToHttp();
    const request = ctx.getRequest<FastifyRequest>();
    const reply = ctx.getResponse<FastifyReply>();
    const problem = problemOf(exception);
    if (problem.status >= 500 && !(exception instanceof DomainError)) {
      this.logger.error({ err: exception, correlationId: request.id }, 'unhandled error');
    }
    void reply
      .status(problem.status)
      .header('content-type', PROBLEM_CONTENT_TYPE)
      .send({ ...problemBody(problem), instance: request.url.split('?')[0], correlationId: request.id });
  }
}

/** The members of a problem+json body that do not depend on the request (a bulk result's item has these). */
export function problemBody(problem: Problem) {
  return {
    ...problem.extensions,
    type: `urn:primetrade:problem:${problem.code.toLowerCase()}`,
    title: TITLES[problem.status] ?? 'Error',
    status: problem.status,
    detail: problem.detail,
    code: problem.code,
    ...(problem.errors?.length ? { errors: [...problem.errors] } : {}),
  };
}

/** What an error answers: only known error classes speak; anything else is a 500 that reveals nothing. */
export function problemOf(exception: unknown): Problem {
  if (exception instanceof DomainError) {
    return {
      status: STATUS_OF_KIND[exception.kind],
      code: exception.code,
      detail: exception.message,
      errors: exception.violations,
      extensions: exception.extensions,
    };
  }
  if (exception instanceof HttpProblemException) {
    return { status: exception.getStatus(), code: exception.code, detail: exception.message, errors: exception.violations };
  }
  if (exception instanceof ThrottlerException) {
    return { status: 429, code: 'RATE_LIMITED', detail: 'Too many requests; retry after the time in Retry-After.' };
  }
  if (exception instanceof HttpException) {
    const status = exception.getStatus();
    return { status, code: `HTTP.${status}`, detail: status >= 500 ? 'The server could not handle the request.' : exception.message };
  }
  // Fastify's own client errors (bad JSON, body too large, wrong media type) carry a 4xx.
  const fastifyStatus = (exception as { statusCode?: unknown } | null)?.statusCode;
  if (typeof fastifyStatus === 'number' && fastifyStatus >= 400 && fastifyStatus < 500) {
    const fastifyCode = (exception as { code?: unknown }).code;
    return {
      status: fastifyStatus,
      code: `HTTP.${fastifyStatus}`,
      detail: clientErrorDetail(fastifyStatus, typeof fastifyCode === 'string' ? fastifyCode : undefined),
    };
  }
  return { status: HttpStatus.INTERNAL_SERVER_ERROR, code: 'INTERNAL', detail: 'The server could not handle the request.' };
}

/** Multipart limits (@fastify/multipart) are 413s too, but not about the JSON body limit. */
const MULTIPART_LIMITS: Record<string, string> = {
  FST_PARTS_LIMIT: 'The multipart body has too many parts; send one file in the part "file".',
  FST_FILES_LIMIT: 'The multipart body has too many files; send one file in the part "file".',
  FST_FIELDS_LIMIT: 'The multipart body has too many fields; send one file in the part "file".',
  FST_REQ_FILE_TOO_LARGE: 'The file is larger than the limit.',
};

function clientErrorDetail(status: number, code?: string): string {
  if (code && MULTIPART_LIMITS[code]) return MULTIPART_LIMITS[code];
  switch (status) {
    case 413:
      return 'The request body is larger than the limit of 100 kB.';
    case 415:
      return 'The request body must be application/json.';
    case 400:
      return 'The request body is not valid JSON.';
    default:
      return TITLES[status] ?? 'The request was not valid.';
  }
}
