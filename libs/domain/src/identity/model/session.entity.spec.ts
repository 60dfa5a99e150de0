import { SESSION_USER_AGENT_MAX, Session, type SessionProps } from './session.entity';

const NOW = new Date('2026-06-15T12:00:00.000Z');
const HOUR = 3_600_000;
const at = (ms: number) => new Date(NOW.getTime() + ms);

const started = Session.start({ id: 's2', userId: 'u1', familyId: 's1', tokenHash: 'h', now: NOW, ttlMs: HOUR });
const withProps = (changes: Partial<SessionProps>) => Session.restore({ ...started.props, ...changes });

describe('Session', () => {
  it('starts unrotated and unrevoked, expiring ttl after now, in the given family', () => {
    expect(started.props).toEqual({
      id: 's2',
      userId: 'u1',
      familyId: 's1',
      tokenHash: 'h',
      createdAt: NOW,
      expiresAt: at(HOUR),
      rotatedAt: null,
      revokedAt: null,
      userAgent: null,
    });
  });

  it('keeps the client it started from, cut to a bounded length', () => {
    const long = Session.start({
      id: 's3',
      userId: 'u1',
      familyId: 's3',
      tokenHash: 'h3',
      now: NOW,
      ttlMs: HOUR,
      userAgent: 'x'.repeat(1000),
    });
    expect(long.props.userAgent).toHaveLength(SESSION_USER_AGENT_MAX);
  });

  describe('stateAt', () => {
    it('is active until the expiry instant and expired from it on', () => {
      expect(started.stateAt(NOW)).toBe('active');
      expect(started.stateAt(at(HOUR - 1))).toBe('active');
      expect(started.stateAt(at(HOUR))).toBe('expired');
      expect(started.stateAt(at(HOUR + 1))).toBe('expired');
    });

    it('calls a rotated session reused: its token was already exchanged', () => {
      expect(withProps({ rotatedAt: NOW }).stateAt(at(1))).toBe('reused');
    });

    it('reports reuse even after expiry, so a late replay still revokes the family', () => {
      expect(withProps({ rotatedAt: NOW }).stateAt(at(2 * HOUR))).toBe('reused');
    });

    it('puts revoked above every other state', () => {
      expect(withProps({ revokedAt: NOW }).stateAt(at(1))).toBe('revoked');
      expect(withProps({ revokedAt: NOW, rotatedAt: NOW }).stateAt(at(1))).toBe('revoked');
      expect(withProps({ revokedAt: NOW }).stateAt(at(2 * HOUR))).toBe('revoked');
    });
  });

  it('restores a copy of the stored props', () => {
    const props: SessionProps = { ...started.props };
    const session = Session.restore(props);
    props.revokedAt = NOW;
    expect(session.stateAt(NOW)).toBe('active');
    expect(session.id).toBe('s2');
    expect(session.userId).toBe('u1');
    expect(session.familyId).toBe('s1');
  });
});
