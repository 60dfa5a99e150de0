/** Something that happened in the domain. `type` is stable across processes and versions. */
export interface DomainEvent {
  readonly type: string;
  readonly aggregateId: string;
  readonly occurredAt: Date;
}
