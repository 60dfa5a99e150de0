import { Session } from '@primetrade/domain';
import { toSession, toSessionRecord } from './session.mapper';
import type { SessionRecord } from './session.schema';
import { MingoCollection } from '@primetrade/testing';
import {
  familyFilter,
  keepFamilyUntilUpdate,
  markRotatedUpdate,
  revokeUpdate,
  rotatableSessionFilter,
  unrevokedFamilyFilter,
} from './session-write.filter';

const NOW = new Date('2026-06-15T12:00:00.000Z');
const start = (id: string, familyId: string, tokenHash: string) =>
  Session.start({ id, userId: 'u1', familyId, tokenHash, now: NOW, ttlMs: 3_600_000 });

describe('session write documents (executed by mingo)', () => {
  it('round-trips a session', () => {
    const session = start('s1', 'f1', 'h1');
    expect(toSession(toSessionRecord(session)).props).toEqual(session.props);
  });

  it('rotates an active session exactly once', () => {
    const docs = new MingoCollection<SessionRecord>([toSessionRecord(start('s1', 'f1', 'h1'))]);
    expect(docs.updateOne(rotatableSessionFilter('s1'), markRotatedUpdate(NOW)).matchedCount).toBe(1);
    expect(docs.updateOne(rotatableSessionFilter('s1'), markRotatedUpdate(NOW)).matchedCount).toBe(0);
    expect(toSession(docs.find({ tokenHash: 'h1' })[0]).stateAt(NOW)).toBe('reused');
  });

  it('also matches a document whose rotatedAt/revokedAt fields are missing', () => {
    const { rotatedAt, revokedAt, ...bare } = toSessionRecord(start('s1', 'f1', 'h1'));
    expect([rotatedAt, revokedAt]).toEqual([null, null]);
    expect(new MingoCollection([bare]).updateOne(rotatableSessionFilter('s1'), markRotatedUpdate(NOW)).matchedCount).toBe(1);
  });

  it('revokes the whole family and nothing else, keeping the first revocation time', () => {
    const docs = new MingoCollection<SessionRecord>(
      [start('s1', 'f1', 'h1'), start('s2', 'f1', 'h2'), start('s3', 'f2', 'h3')].map(toSessionRecord),
    );
    expect(docs.updateMany(unrevokedFamilyFilter('f1'), revokeUpdate(NOW)).matchedCount).toBe(2);
    const later = new Date(NOW.getTime() + 1000);
    expect(docs.updateMany(unrevokedFamilyFilter('f1'), revokeUpdate(later)).matchedCount).toBe(0);
    const state = (hash: string) => toSession(docs.find({ tokenHash: hash })[0]);
    expect(state('h1').stateAt(NOW)).toBe('revoked');
    expect(state('h2').props.revokedAt).toEqual(NOW);
    expect(state('h3').stateAt(NOW)).toBe('active');
    expect(docs.updateOne(rotatableSessionFilter('s2'), markRotatedUpdate(NOW)).matchedCount).toBe(0);
  });

  it("keeps a rotated session until its family's newest session expires (the TTL field follows the family)", () => {
    const first = start('s1', 's1', 'h1');
    const docs = new MingoCollection<SessionRecord>([toSessionRecord(first), toSessionRecord(start('x1', 'x1', 'hx'))]);
    expect(docs.find({ _id: 's1' })[0].keepUntil).toEqual(first.props.expiresAt);
    const later = new Date(NOW.getTime() + 1_800_000);
    const next = Session.start({ id: 's2', userId: 'u1', familyId: 's1', tokenHash: 'h2', now: later, ttlMs: 3_600_000 });
    docs.docs.push(toSessionRecord(next));
    docs.updateMany(familyFilter('s1'), keepFamilyUntilUpdate(next.props.expiresAt));
    expect(docs.find({ familyId: 's1' }).map((d) => d.keepUntil)).toEqual([next.props.expiresAt, next.props.expiresAt]);
    expect(docs.find({ _id: 'x1' })[0].keepUntil).toEqual(new Date(NOW.getTime() + 3_600_000));
    // $max never shortens the family's life.
    docs.updateMany(familyFilter('s1'), keepFamilyUntilUpdate(NOW));
    expect(docs.find({ _id: 's1' })[0].keepUntil).toEqual(next.props.expiresAt);
  });
});
