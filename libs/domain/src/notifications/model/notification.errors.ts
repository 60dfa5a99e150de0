import { DomainError, type FieldViolation } from '../../shared/model/domain.errors';

/** Also what another owner's notification answers. */
export class NotificationNotFoundError extends DomainError {
  readonly code = 'NOTIFICATION.NOT_FOUND';
  readonly kind = 'not_found' as const;

  constructor() {
    super('Notification not found.');
  }
}

/** A preference out of range: an unknown time zone, a digest hour outside 0–23, an unknown lead. */
export class InvalidPreferencesError extends DomainError {
  readonly code = 'PREFERENCES.INVALID';
  readonly kind = 'validation' as const;

  constructor(violations: readonly FieldViolation[]) {
    super('Invalid preferences.', violations);
  }
}
