import type { DomainEvent } from '../../shared/model/domain-event';

export class UserRegistered implements DomainEvent {
  static readonly TYPE = 'identity.user-registered';
  readonly type = UserRegistered.TYPE;

  constructor(
    readonly aggregateId: string,
    readonly email: string,
    readonly occurredAt: Date,
  ) {}
}
