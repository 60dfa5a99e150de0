import { DomainError } from './domain.errors';

/**
 * Stored data failed its integrity check (an authenticated-encryption tag did not verify, or the
 * key it names is unknown): it was corrupted or tampered with and is not returned. Not a 500: the
 * server did what it should — refuse — and the client can delete and replace the data.
 */
export class DataIntegrityError extends DomainError {
  readonly code = 'DATA.INTEGRITY_FAILED';
  readonly kind = 'conflict' as const;

  constructor() {
    super(
      'The stored data failed its integrity check and cannot be returned; it may be corrupted or tampered with. Delete it and store it again.',
    );
  }
}
