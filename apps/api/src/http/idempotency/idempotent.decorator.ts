import { applyDecorators, UseInterceptors } from '@nestjs/common';
import { ApiHeader, ApiResponse } from '@nestjs/swagger';
import { ApiProblems } from '../problem/api-problems.decorator';
import { IdempotencyInterceptor } from './idempotency.interceptor';

/** A creating POST that honours Idempotency-Key, documented on the operation. */
export function Idempotent() {
  return applyDecorators(
    UseInterceptors(IdempotencyInterceptor),
    ApiHeader({
      name: 'Idempotency-Key',
      required: false,
      description:
        'Makes a retry safe: the first request with a key runs and its response is kept for 24 hours; the same request again with the ' +
        'same key gets that response again (with `Idempotent-Replayed: true`) and creates nothing. 1–255 printable ASCII characters, ' +
        'e.g. a UUID. The same key on a different request is a 422; a retry while the first is still running is a 409.',
      schema: { type: 'string', minLength: 1, maxLength: 255, example: '4f1c2a9e-7b51-4d3e-9a8e-2f6c1d0b7e55' },
    }),
    ApiResponse({
      status: 422,
      description: 'The Idempotency-Key was used for a different request',
      content: { 'application/problem+json': { schema: { $ref: '#/components/schemas/ProblemDetailsDto' } } },
    }),
    ApiProblems(409),
  );
}
