import { EventEmitter } from 'node:events';
import { Inject, Injectable } from '@nestjs/common';
import { getConnectionToken } from '@nestjs/mongoose';
import type { AggregateRoot, DomainEvent } from '@primetrade/domain';
import { UuidV7IdGenerator } from '../../core/uuid-v7-id-generator';
import type { ClientSession, Connection } from 'mongoose';
import { CorrelationContext } from '../../core/events/correlation-context';
import { encodeEvent } from '../../core/events/event-codec';
import { EventOutbox, type OutboxEvent } from '../../core/events/event-outbox';
import { isDuplicateKey } from '../connection/mongo.errors';
import {
  EVENT_OUTBOX,
  leaseFilter,
  leaseUpdate,
  markRelayedFilter,
  markRelayedUpdate,
  OUTBOX_LEASE,
  type OutboxDoc,
  ownerPendingFilter,
  pendingQuery,
  pruneFilter,
  releaseLeaseFilter,
} from './event-outbox.filter';

/**
 * The outbox on MongoDB: repositories write an aggregate and its events in one transaction
 * (`withEvents`), so both commit or neither does; the relay reads them back oldest first.
 * Needs a replica set (transactions), as the app does.
 */
@Injectable()
export class MongoEventOutbox extends EventOutbox {
  private readonly appended = new EventEmitter();

  /** Event ids: UUIDv7, time-ordered, so `_id` order is write order. */
  private readonly ids = new UuidV7IdGenerator();

  constructor(@Inject(getConnectionToken()) private readonly connection: Connection) {
    super();
  }

  private outbox() {
    return this.connection.collection<OutboxDoc>(EVENT_OUTBOX);
  }

  /**
   * Runs `write` and records the aggregate's pending events in one transaction; the events are
   * taken off the aggregate only once it committed (the driver may run the callback again).
   */
  async withEvents<T>(aggregate: AggregateRoot, write: (session: ClientSession) => Promise<T>): Promise<T> {
    const docs = this.documentsOf(aggregate.peekEvents());
    const session = await this.connection.startSession();
    let result: T | undefined;
    try {
      await session.withTransaction(async () => {
        result = await write(session);
        await this.insertIn(session, docs);
      });
    } finally {
      await session.endSession();
    }
    aggregate.pullEvents();
    this.committed(docs);
    return result as T;
  }

  /** The events as outbox documents, ids drawn once: a retried transaction inserts the same ones. */
  documentsOf(events: readonly DomainEvent[]): OutboxDoc[] {
    const correlationId = CorrelationContext.current();
    return events.map((event) => {
      const { id, ...rest } = encodeEvent(event, this.ids.next(), correlationId);
      return { _id: id, ...rest, relayedAt: null };
    });
  }

  /** Records the documents in the caller's transaction. */
  async insertIn(session: ClientSession, docs: readonly OutboxDoc[]): Promise<void> {
    if (docs.length > 0) await this.outbox().insertMany([...docs], { session });
  }

  /** After the transaction that inserted them committed: wakes this process's relay. */
  committed(docs: readonly OutboxDoc[]): void {
    if (docs.length > 0) this.appended.emit('appended');
  }

  onAppended(listener: () => void): void {
    this.appended.on('appended', listener);
  }

  async pending(limit: number): Promise<OutboxEvent[]> {
    const { filter, sort } = pendingQuery();
    const docs = await this.outbox()
      .find(filter as never, { sort: sort as never, limit })
      .toArray();
    return docs.map((d) => ({
      id: d._id,
      type: d.type,
      aggregateId: d.aggregateId,
      ownerId: d.ownerId,
      occurredAt: d.occurredAt,
      correlationId: d.correlationId,
      payload: d.payload,
    }));
  }

  async markRelayed(ids: readonly string[], at: Date): Promise<void> {
    await this.outbox().updateMany(markRelayedFilter(ids) as never, markRelayedUpdate(at));
  }

  async hasPending(ownerId: string): Promise<boolean> {
    return !!(await this.outbox().findOne(ownerPendingFilter(ownerId) as never, { projection: { _id: 1 } }));
  }

  async acquireLease(holder: string, now: Date, until: Date): Promise<boolean> {
    try {
      await this.connection
        .collection(OUTBOX_LEASE)
        .updateOne(leaseFilter(holder, now) as never, leaseUpdate(holder, until), { upsert: true });
      return true;
    } catch (error) {
      if (isDuplicateKey(error)) return false; // another holder's lease runs
      throw error;
    }
  }

  async releaseLease(holder: string): Promise<void> {
    await this.connection.collection(OUTBOX_LEASE).deleteOne(releaseLeaseFilter(holder) as never);
  }

  async prune(before: Date): Promise<number> {
    return (await this.outbox().deleteMany(pruneFilter(before) as never)).deletedCount;
  }
}
