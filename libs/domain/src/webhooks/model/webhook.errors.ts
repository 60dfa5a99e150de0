import { DomainError } from '../../shared/model/domain.errors';

/** No webhook with this id belongs to the caller (someone else's answers the same). */
export class WebhookNotFoundError extends DomainError {
  readonly code = 'WEBHOOK.NOT_FOUND';
  readonly kind = 'not_found' as const;

  constructor() {
    super('Webhook not found.');
  }
}

/**
 * The endpoint URL is not one the server will call: malformed, not https in production, or its
 * host resolves to a loopback, private, link-local, metadata or other non-public address.
 */
export class WebhookUrlRefusedError extends DomainError {
  readonly code = 'WEBHOOK.URL_REFUSED';
  readonly kind = 'validation' as const;

  constructor(reason: string) {
    super(`The webhook URL is refused: ${reason}.`, [{ field: 'url', message: reason }]);
  }
}

/** A webhook subscribes to at least one event, each named once. */
export class WebhookEventsInvalidError extends DomainError {
  readonly code = 'WEBHOOK.EVENTS_INVALID';
  readonly kind = 'validation' as const;

  constructor(reason: string) {
    super(`The webhook events are invalid: ${reason}.`, [{ field: 'events', message: reason }]);
  }
}
