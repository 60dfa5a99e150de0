import {
  type DomainEvent,
  TaskArchived,
  TaskCompleted,
  TaskCreated,
  TaskDeleted,
  TaskRestored,
  TaskUpdated,
  UserRegistered,
} from '@primetrade/domain';
import type { OutboxEvent } from './event-outbox';

/** The event classes the in-process bus routes by (a relayed event is an instance again). */
const EVENT_CLASSES: ReadonlyMap<string, { prototype: object }> = new Map<string, { prototype: object }>([
  [TaskCreated.TYPE, TaskCreated],
  [TaskUpdated.TYPE, TaskUpdated],
  [TaskCompleted.TYPE, TaskCompleted],
  [TaskDeleted.TYPE, TaskDeleted],
  [TaskArchived.TYPE, TaskArchived],
  [TaskRestored.TYPE, TaskRestored],
  [UserRegistered.TYPE, UserRegistered],
]);

/** Personal data never goes to the outbox or the stream (users' emails are encrypted at rest). */
const LEFT_OUT: Readonly<Record<string, readonly string[]>> = { [UserRegistered.TYPE]: ['email'] };

const ISO_DATE = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/;

/** The owner whose read models an event touches; a registration is about the user itself. */
export function ownerOfEvent(event: DomainEvent): string {
  const e = event as DomainEvent & { ownerId?: unknown };
  return typeof e.ownerId === 'string' ? e.ownerId : event.type === UserRegistered.TYPE ? event.aggregateId : '';
}

export function encodeEvent(event: DomainEvent, id: string, correlationId: string): OutboxEvent {
  const left = LEFT_OUT[event.type] ?? [];
  const payload = JSON.stringify(event, (key, value: unknown) => (left.includes(key) ? '' : value));
  return {
    id,
    type: event.type,
    aggregateId: event.aggregateId,
    ownerId: ownerOfEvent(event),
    occurredAt: event.occurredAt,
    correlationId,
    payload,
  };
}

/** The domain event again, an instance of its class with its dates, for the in-process bus. */
export function decodeEvent(record: Pick<OutboxEvent, 'type' | 'payload'>): DomainEvent {
  const data = JSON.parse(record.payload, (_key, value: unknown) =>
    typeof value === 'string' && ISO_DATE.test(value) ? new Date(value) : value,
  ) as Record<string, unknown>;
  const cls = EVENT_CLASSES.get(record.type);
  return Object.assign(cls ? (Object.create(cls.prototype) as object) : {}, data) as unknown as DomainEvent;
}
