import { DomainError } from '../../shared/model/domain.errors';

/** No feed has this token (never issued, regenerated since, or revoked). Says nothing more. */
export class CalendarFeedNotFoundError extends DomainError {
  readonly code = 'CALENDAR.FEED_NOT_FOUND';
  readonly kind = 'not_found' as const;

  constructor() {
    super('No calendar feed has this address.');
  }
}
