import { EventEmitter } from 'node:events';
import { Injectable } from '@nestjs/common';
import { type AggregateRoot, type DomainEvent, IdGenerator } from '@primetrade/domain';
import { CorrelationContext } from '../../core/events/correlation-context';
import { encodeEvent } from '../../core/events/event-codec';
import { EventOutbox, type OutboxEvent } from '../../core/events/event-outbox';
import { SqliteDatabase } from '../database/sqlite-database';

interface OutboxRow {
  id: string;
  type: string;
  aggregate_id: string;
  owner_id: string;
  occurred_at: number;
  correlation_id: string;
  payload: string;
}

const LEASE = 'relay';

/**
 * The outbox table of the SQLite file. Repositories call `takeFrom(aggregate)` inside the
 * transaction that writes the aggregate, so the change and its events commit together or not at
 * all; the relay reads them back in `seq` order.
 */
@Injectable()
export class SqliteEventOutbox extends EventOutbox {
  private readonly appended = new EventEmitter();

  constructor(
    private readonly sqlite: SqliteDatabase,
    private readonly ids: IdGenerator,
  ) {
    super();
  }

  /** Moves the aggregate's pending events into the outbox. Call inside the write's transaction. */
  takeFrom(aggregate: AggregateRoot): void {
    this.append(aggregate.pullEvents());
  }

  append(events: readonly DomainEvent[]): void {
    if (events.length === 0) return;
    const insert = this.sqlite.statement(
      `INSERT INTO event_outbox (id, type, aggregate_id, owner_id, occurred_at, correlation_id, payload)
       VALUES (@id, @type, @aggregateId, @ownerId, @occurredAt, @correlationId, @payload)`,
    );
    const correlationId = CorrelationContext.current();
    for (const event of events) {
      const record = encodeEvent(event, this.ids.next(), correlationId);
      insert.run({ ...record, occurredAt: record.occurredAt.getTime() });
    }
    // After the caller's transaction has committed (a microtask later), wake the relay.
    queueMicrotask(() => this.appended.emit('appended'));
  }

  onAppended(listener: () => void): void {
    this.appended.on('appended', listener);
  }

  async pending(limit: number): Promise<OutboxEvent[]> {
    const rows = this.sqlite
      .statement('SELECT * FROM event_outbox WHERE relayed_at IS NULL ORDER BY seq LIMIT ?')
      .all(limit) as OutboxRow[];
    return rows.map((row) => ({
      id: row.id,
      type: row.type,
      aggregateId: row.aggregate_id,
      ownerId: row.owner_id,
      occurredAt: new Date(row.occurred_at),
      correlationId: row.correlation_id,
      payload: row.payload,
    }));
  }

  /** In the next group commit, with the writes of the requests meanwhile: one commit less per drain. */
  async markRelayed(ids: readonly string[], at: Date): Promise<void> {
    const mark = this.sqlite.statement('UPDATE event_outbox SET relayed_at = ? WHERE id = ? AND relayed_at IS NULL');
    await this.sqlite.writes.run(() => {
      for (const id of ids) mark.run(at.getTime(), id);
    });
  }

  async hasPending(ownerId: string): Promise<boolean> {
    return !!this.sqlite.statement('SELECT 1 FROM event_outbox WHERE owner_id = ? AND relayed_at IS NULL LIMIT 1').get(ownerId);
  }

  /** One statement: taken when free, expired, or already ours (renewal). */
  async acquireLease(holder: string, now: Date, until: Date): Promise<boolean> {
    const result = this.sqlite
      .statement(
        `INSERT INTO outbox_lease (name, holder, until) VALUES (@name, @holder, @until)
         ON CONFLICT (name) DO UPDATE SET holder = excluded.holder, until = excluded.until
         WHERE outbox_lease.holder = excluded.holder OR outbox_lease.until < @now`,
      )
      .run({ name: LEASE, holder, until: until.getTime(), now: now.getTime() });
    return result.changes === 1;
  }

  async releaseLease(holder: string): Promise<void> {
    this.sqlite.statement('DELETE FROM outbox_lease WHERE name = ? AND holder = ?').run(LEASE, holder);
  }

  async prune(before: Date): Promise<number> {
    return this.sqlite.statement('DELETE FROM event_outbox WHERE relayed_at IS NOT NULL AND relayed_at < ?').run(before.getTime()).changes;
  }
}
