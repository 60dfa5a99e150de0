import { Session } from '@primetrade/domain';
import type { SessionRecord } from './session.schema';

export function toSessionRecord(session: Session): SessionRecord {
  const p = session.props;
  return {
    _id: p.id,
    userId: p.userId,
    familyId: p.familyId,
    tokenHash: p.tokenHash,
    createdAt: p.createdAt,
    expiresAt: p.expiresAt,
    rotatedAt: p.rotatedAt,
    revokedAt: p.revokedAt,
    userAgent: p.userAgent,
    keepUntil: p.expiresAt,
  };
}

export function toSession(record: SessionRecord): Session {
  return Session.restore({
    id: record._id,
    userId: record.userId,
    familyId: record.familyId,
    tokenHash: record.tokenHash,
    createdAt: record.createdAt,
    expiresAt: record.expiresAt,
    rotatedAt: record.rotatedAt ?? null,
    revokedAt: record.revokedAt ?? null,
    userAgent: record.userAgent ?? null,
  });
}
