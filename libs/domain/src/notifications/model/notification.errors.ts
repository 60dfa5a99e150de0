import { DomainError } from '../../shared/model/domain.errors';

/** Also what another owner's notification answers. */
export class NotificationNotFoundError extends DomainError {
  readonly code = 'NOTIFICATION.NOT_FOUND';
  readonly kind = 'not_found' as const;

  constructor() {
    super('Notification not found.');
  }
}
