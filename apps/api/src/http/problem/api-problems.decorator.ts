import { applyDecorators } from '@nestjs/common';
import { ApiResponse } from '@nestjs/swagger';

const DESCRIPTIONS: Record<number, string> = {
  400: 'Invalid input (field errors in `errors`)',
  401: 'Missing, invalid or expired credentials',
  404: 'Not found (or owned by someone else)',
  409: 'Conflict with the current state',
  412: 'If-Match does not match the current version',
  413: 'Body larger than 100 kB',
  429: 'Rate limit exceeded (see Retry-After)',
  431: 'Request headers too large',
  503: 'A dependency is unavailable',
};

/** Declares problem+json error responses so the OpenAPI document and the SDK know them. */
export function ApiProblems(...statuses: number[]) {
  return applyDecorators(
    ...statuses.map((status) =>
      ApiResponse({
        status,
        description: DESCRIPTIONS[status] ?? 'Error',
        content: { 'application/problem+json': { schema: { $ref: '#/components/schemas/ProblemDetailsDto' } } },
      }),
    ),
  );
}
