import { Session } from '@primetrade/domain';
import { find, updateMany, updateOne } from 'mingo';
import { toSession, toSessionRecord } from '../mappers/session.mapper';
import type { SessionRecord } from '../schemas/session.schema';
import { markRotatedUpdate, revokeUpdate, rotatableSessionFilter, unrevokedFamilyFilter } from './session-write.query';

const NOW = new Date('2026-06-15T12:00:00.000Z');
const start = (id: string, familyId: string, tokenHash: string) =>
  Session.start({ id, userId: 'u1', familyId, tokenHash, now: NOW, ttlMs: 3_600_000 });

describe('session write documents (executed by mingo)', () => {
  it('round-trips a session', () => {
    const session = start('s1', 'f1', 'h1');
    expect(toSession(toSessionRecord(session)).props).toEqual(session.props);
  });

  it('rotates an active session exactly once', () => {
    const docs: SessionRecord[] = [toSessionRecord(start('s1', 'f1', 'h1'))];
    expect(updateOne(docs, rotatableSessionFilter('s1'), markRotatedUpdate(NOW)).matchedCount).toBe(1);
    expect(updateOne(docs, rotatableSessionFilter('s1'), markRotatedUpdate(NOW)).matchedCount).toBe(0);
    expect(toSession(find(docs, { tokenHash: 'h1' }).all()[0] as SessionRecord).stateAt(NOW)).toBe('reused');
  });

  it('also matches a document whose rotatedAt/revokedAt fields are missing', () => {
    const { rotatedAt, revokedAt, ...bare } = toSessionRecord(start('s1', 'f1', 'h1'));
    expect([rotatedAt, revokedAt]).toEqual([null, null]);
    expect(updateOne([bare], rotatableSessionFilter('s1'), markRotatedUpdate(NOW)).matchedCount).toBe(1);
  });

  it('revokes the whole family and nothing else, keeping the first revocation time', () => {
    const docs: SessionRecord[] = [start('s1', 'f1', 'h1'), start('s2', 'f1', 'h2'), start('s3', 'f2', 'h3')].map(toSessionRecord);
    expect(updateMany(docs, unrevokedFamilyFilter('f1'), revokeUpdate(NOW)).matchedCount).toBe(2);
    const later = new Date(NOW.getTime() + 1000);
    expect(updateMany(docs, unrevokedFamilyFilter('f1'), revokeUpdate(later)).matchedCount).toBe(0);
    const state = (hash: string) => toSession(find(docs, { tokenHash: hash }).all()[0] as SessionRecord);
    expect(state('h1').stateAt(NOW)).toBe('revoked');
    expect(state('h2').props.revokedAt).toEqual(NOW);
    expect(state('h3').stateAt(NOW)).toBe('active');
    expect(updateOne(docs, rotatableSessionFilter('s2'), markRotatedUpdate(NOW)).matchedCount).toBe(0);
  });
});
