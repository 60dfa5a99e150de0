import type { DomainEvent } from '@primetrade/domain';

/** A domain event as it crosses processes on the stream. */
export interface EventEnvelope {
  /** Unique per event; handlers dedupe on it. */
  id: string;
  type: string;
  aggregateId: string;
  /** The owner whose read models the event touches ('' when none). */
  ownerId: string;
  /** Per-owner sequence number, 1, 2, 3… in publish order (read models use it as a watermark). */
  seq: number;
  occurredAt: string;
  correlationId: string;
  /** JSON of the event; dates as ISO strings. */
  payload: string;
}

export const ownerOf = (event: DomainEvent): string => {
  const e = event as DomainEvent & { ownerId?: unknown };
  // UserRegistered is about the user itself.
  return typeof e.ownerId === 'string' ? e.ownerId : event.type === 'identity.user-registered' ? event.aggregateId : '';
};

/** Flat field list for XADD. */
export function toStreamFields(e: Omit<EventEnvelope, 'seq'>): string[] {
  return [
    'id',
    e.id,
    'type',
    e.type,
    'aggregateId',
    e.aggregateId,
    'ownerId',
    e.ownerId,
    'occurredAt',
    e.occurredAt,
    'correlationId',
    e.correlationId,
    'payload',
    e.payload,
  ];
}

export function fromStreamFields(fields: string[]): EventEnvelope {
  const map = new Map<string, string>();
  for (let i = 0; i + 1 < fields.length; i += 2) map.set(fields[i] as string, fields[i + 1] as string);
  return {
    id: map.get('id') ?? '',
    type: map.get('type') ?? '',
    aggregateId: map.get('aggregateId') ?? '',
    ownerId: map.get('ownerId') ?? '',
    seq: Number(map.get('seq') ?? 0),
    occurredAt: map.get('occurredAt') ?? '',
    correlationId: map.get('correlationId') ?? '',
    payload: map.get('payload') ?? '{}',
  };
}
