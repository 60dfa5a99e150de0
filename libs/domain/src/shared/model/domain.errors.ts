/**
 * How an error is classed, independent of any transport. The HTTP edge maps each kind to a
 * status code; the domain never speaks HTTP.
 */
export type DomainErrorKind =
  | 'validation'
  | 'unauthorized'
  | 'not_found'
  | 'conflict'
  | 'precondition_failed'
  | 'unprocessable'
  | 'too_large'
  | 'unsupported_type'
  | 'unavailable';

export interface FieldViolation {
  readonly field: string;
  readonly message: string;
}

/** Base of every typed domain error: a stable `code` (e.g. `TASK.NOT_FOUND`) and a kind. */
export abstract class DomainError extends Error {
  abstract readonly code: string;
  abstract readonly kind: DomainErrorKind;
  readonly violations: readonly FieldViolation[];

  constructor(message: string, violations: readonly FieldViolation[] = []) {
    super(message);
    this.name = new.target.name;
    this.violations = violations;
  }

  /** Extra members of the problem an error becomes (RFC 9457 extensions), e.g. where a filter broke. */
  get extensions(): Readonly<Record<string, unknown>> {
    return {};
  }
}

/** An invariant of an entity was broken by the input; carries the offending field. */
export class DomainValidationError extends DomainError {
  readonly code = 'DOMAIN.VALIDATION';
  readonly kind = 'validation' as const;

  constructor(field: string, message: string) {
    super(message, [{ field, message }]);
  }
}
