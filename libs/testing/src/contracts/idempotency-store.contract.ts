import type { IdempotencyStore, StoredResponse } from '@primetrade/domain';

const T0 = new Date('2026-06-15T12:00:00.000Z');
const DAY = 24 * 3_600_000;
const later = (ms: number) => new Date(T0.getTime() + ms);
const RESPONSE: StoredResponse = { status: 201, headers: { 'content-type': 'application/json', etag: '"1"' }, body: '{"id":"t1"}' };

/** The behaviour every IdempotencyStore adapter must show, run against each real store. */
export function describeIdempotencyStoreContract(name: string, open: () => Promise<IdempotencyStore>): void {
  describe(`IdempotencyStore contract: ${name}`, () => {
    let store: IdempotencyStore;
    beforeEach(async () => {
      store = await open();
    });

    it('claims a new key once; a second claim of the running request is in progress', async () => {
      expect(await store.claim('u1', 'k1', 'fp', T0, later(DAY))).toEqual({ outcome: 'claimed' });
      expect(await store.claim('u1', 'k1', 'fp', later(1000), later(DAY))).toEqual({ outcome: 'in-progress' });
    });

    it('replays the completed response to the same request', async () => {
      await store.claim('u1', 'k1', 'fp', T0, later(DAY));
      await store.complete('u1', 'k1', RESPONSE);
      expect(await store.claim('u1', 'k1', 'fp', later(1000), later(DAY))).toEqual({ outcome: 'replay', response: RESPONSE });
    });

    it('refuses the same key with a different request, running or completed', async () => {
      await store.claim('u1', 'k1', 'fp', T0, later(DAY));
      expect(await store.claim('u1', 'k1', 'other', later(1000), later(DAY))).toEqual({ outcome: 'mismatch' });
      await store.complete('u1', 'k1', RESPONSE);
      expect(await store.claim('u1', 'k1', 'other', later(2000), later(DAY))).toEqual({ outcome: 'mismatch' });
    });

    it('keeps keys per user', async () => {
      await store.claim('u1', 'k1', 'fp', T0, later(DAY));
      expect(await store.claim('u2', 'k1', 'other', T0, later(DAY))).toEqual({ outcome: 'claimed' });
    });

    it('forgets a released claim, so the retry runs', async () => {
      await store.claim('u1', 'k1', 'fp', T0, later(DAY));
      await store.release('u1', 'k1');
      expect(await store.claim('u1', 'k1', 'fp', later(1000), later(DAY))).toEqual({ outcome: 'claimed' });
    });

    it('lets an expired record be claimed afresh, even by a different request', async () => {
      await store.claim('u1', 'k1', 'fp', T0, later(DAY));
      await store.complete('u1', 'k1', RESPONSE);
      expect(await store.claim('u1', 'k1', 'other', later(DAY), later(2 * DAY))).toEqual({ outcome: 'claimed' });
      expect(await store.claim('u1', 'k1', 'other', later(DAY + 1), later(2 * DAY))).toEqual({ outcome: 'in-progress' });
    });

    it('lets exactly one of many concurrent claims win', async () => {
      const claims = await Promise.all(Array.from({ length: 8 }, () => store.claim('u1', 'race', 'fp', T0, later(DAY))));
      expect(claims.filter((c) => c.outcome === 'claimed')).toHaveLength(1);
      expect(claims.filter((c) => c.outcome === 'in-progress')).toHaveLength(7);
    });
  });
}
