import { MingoCollection } from '@primetrade/testing';
import { claimFilter, claimUpdate, idempotencyId, recordFilter } from './idempotency.filter';
import type { IdempotencyRecord } from './idempotency.schema';
import { decideClaim } from './mongo-idempotency.store';

const NOW = new Date('2026-06-15T12:00:00.000Z');
const IN_A_DAY = new Date(NOW.getTime() + 86_400_000);
const open = (sealed: string) => ({ status: 201, headers: {}, body: sealed });

/** The driver's upsert, run by mingo: update the matched record, else insert (a live `_id` collides). */
function upsert(
  records: MingoCollection<IdempotencyRecord>,
  filter: Record<string, unknown>,
  update: Record<string, unknown>,
): 'updated' | 'inserted' | 'duplicate' {
  if (records.updateOne(filter, update).matchedCount === 1) return 'updated';
  const id = filter['_id'] as string;
  if (records.find({ _id: id }).length > 0) return 'duplicate';
  const set = (update['$set'] ?? {}) as Omit<IdempotencyRecord, '_id'>;
  records.docs.push({ _id: id, ...set });
  return 'inserted';
}

describe('MongoDB idempotency documents (executed with mingo)', () => {
  it('claims an absent key by inserting it', () => {
    const records = new MingoCollection<IdempotencyRecord>([]);
    expect(upsert(records, claimFilter('u1', 'k1', NOW), claimUpdate('u1', 'fp', IN_A_DAY))).toBe('inserted');
    expect(records.docs).toEqual([{ _id: 'u1/k1', owner: 'u1', fingerprint: 'fp', expiresAt: IN_A_DAY }]);
  });

  it('does not match a live record, so the insert collides and the record decides', () => {
    const records = new MingoCollection<IdempotencyRecord>([{ _id: 'u1/k1', owner: 'u1', fingerprint: 'fp', expiresAt: IN_A_DAY }]);
    expect(upsert(records, claimFilter('u1', 'k1', NOW), claimUpdate('u1', 'fp', IN_A_DAY))).toBe('duplicate');
    const [live] = records.find(recordFilter('u1', 'k1'));
    expect(decideClaim(live, 'fp', open)).toEqual({ outcome: 'in-progress' });
    expect(decideClaim(live, 'other', open)).toEqual({ outcome: 'mismatch' });
    expect(decideClaim({ ...live, response: '{"id":"t1"}' }, 'fp', open)).toEqual({
      outcome: 'replay',
      response: { status: 201, headers: {}, body: '{"id":"t1"}' },
    });
  });

  it('takes over an expired record and drops its old response', () => {
    const expired = new Date(NOW.getTime() - 1);
    const records = new MingoCollection<IdempotencyRecord>([
      { _id: 'u1/k1', owner: 'u1', fingerprint: 'old', expiresAt: expired, response: 'sealed' },
    ]);
    expect(upsert(records, claimFilter('u1', 'k1', NOW), claimUpdate('u1', 'new', IN_A_DAY))).toBe('updated');
    expect(records.docs).toEqual([{ _id: 'u1/k1', owner: 'u1', fingerprint: 'new', expiresAt: IN_A_DAY }]);
  });

  it('keys records per user', () => {
    expect(idempotencyId('u1', 'k1')).not.toBe(idempotencyId('u2', 'k1'));
    expect(recordFilter('u2', 'k1')).toEqual({ _id: 'u2/k1' });
  });
});
