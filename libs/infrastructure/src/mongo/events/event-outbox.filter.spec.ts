import { MingoCollection } from '@primetrade/testing';
import {
  leaseFilter,
  leaseUpdate,
  markRelayedFilter,
  markRelayedUpdate,
  type OutboxDoc,
  ownerPendingFilter,
  pendingQuery,
  pruneFilter,
  releaseLeaseFilter,
} from './event-outbox.filter';

const doc = (id: string, ownerId: string, relayedAt: Date | null = null): OutboxDoc => ({
  _id: id,
  type: 'tasks.task-created',
  aggregateId: 't',
  ownerId,
  occurredAt: new Date(0),
  correlationId: '',
  payload: '{}',
  relayedAt,
});

describe('MongoDB outbox documents (run by mingo)', () => {
  it("reads pending events oldest first, marks them once, and knows an owner's pending ones", () => {
    const outbox = new MingoCollection<OutboxDoc>([doc('03', 'u1'), doc('01', 'u1'), doc('02', 'u2', new Date(5))]);
    const { filter, sort } = pendingQuery();
    expect(outbox.find(filter, sort as never, 10).map((d) => d._id)).toEqual(['01', '03']);
    expect(outbox.updateMany(markRelayedFilter(['01', '02']), markRelayedUpdate(new Date(9))).matchedCount).toBe(1);
    expect(outbox.find(filter, sort as never, 10).map((d) => d._id)).toEqual(['03']);
    expect(outbox.find(ownerPendingFilter('u1')).length).toBe(1);
    expect(outbox.find(ownerPendingFilter('u2')).length).toBe(0);
    expect(outbox.find(pruneFilter(new Date(6))).map((d) => d._id)).toEqual(['02']);
  });

  it('lets one holder hold the lease until it runs out', () => {
    const leases = new MingoCollection<{ _id: string; holder: string; until: Date }>([
      { _id: 'relay', holder: 'a', until: new Date(1000) },
    ]);
    const take = (holder: string, now: number) =>
      leases.updateOne(leaseFilter(holder, new Date(now)), leaseUpdate(holder, new Date(now + 1000))).matchedCount;
    expect(take('b', 500)).toBe(0); // a's runs: the upsert would collide on _id (duplicate key = not ours)
    expect(take('a', 600)).toBe(1); // renewal
    expect(take('b', 1700)).toBe(1); // a's ran out
    expect(leases.find(releaseLeaseFilter('a')).length).toBe(0);
    expect(leases.find(releaseLeaseFilter('b')).length).toBe(1);
  });
});
