import { HttpException } from '@nestjs/common';
import type { FieldViolation } from '@primetrade/domain';

/** An HTTP-level problem raised at the edge (validation, headers), carrying field errors. */
export class HttpProblemException extends HttpException {
  constructor(
    status: number,
    readonly code: string,
    detail: string,
    readonly violations: readonly FieldViolation[] = [],
  ) {
    super(detail, status);
  }
}
