import { DomainError } from './domain.errors';

/** A store or broker the request needs is unreachable; the edge answers 503, not 500. */
export class DatabaseUnavailableError extends DomainError {
  readonly code = 'INFRA.DATABASE_UNAVAILABLE';
  readonly kind = 'unavailable' as const;

  constructor() {
    super('The database is unavailable; try again shortly.');
  }
}
