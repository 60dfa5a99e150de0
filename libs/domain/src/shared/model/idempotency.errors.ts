import { DomainError } from './domain.errors';

/** Idempotency-Key must be 1 to 255 visible ASCII characters. */
export class InvalidIdempotencyKeyError extends DomainError {
  readonly code = 'IDEMPOTENCY.INVALID_KEY';
  readonly kind = 'validation' as const;

  constructor() {
    super('Idempotency-Key must be 1 to 255 visible ASCII characters.', [
      { field: 'Idempotency-Key', message: 'must be 1 to 255 visible ASCII characters' },
    ]);
  }
}

/** A retry arrived while the first request with the same key is still running. */
export class IdempotencyKeyInProgressError extends DomainError {
  readonly code = 'IDEMPOTENCY.IN_PROGRESS';
  readonly kind = 'conflict' as const;

  constructor() {
    super('A request with this Idempotency-Key is still being processed; retry when it has finished.');
  }
}

/** The key was already used with a different request (method, path or body). */
export class IdempotencyKeyReusedError extends DomainError {
  readonly code = 'IDEMPOTENCY.KEY_REUSED';
  readonly kind = 'unprocessable' as const;

  constructor() {
    super('This Idempotency-Key was already used for a different request; use a new key for a new request.');
  }
}
