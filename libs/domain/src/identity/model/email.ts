import { DomainValidationError } from '../../shared/model/domain.errors';

/** Emails are compared and stored lower-cased and trimmed, so uniqueness is case-insensitive. */
export function normalizeEmail(raw: string): string {
  const email = raw.trim().toLowerCase();
  if (email.length === 0 || email.length > 254 || !/^[^\s@]+@[^\s@]+$/.test(email)) {
    throw new DomainValidationError('email', 'must be a valid email address');
  }
  return email;
}
