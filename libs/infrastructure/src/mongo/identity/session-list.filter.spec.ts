import { MingoCollection } from '@primetrade/testing';
import { activeSessionsFilter, familyStartsPipeline } from './session-write.filter';

const T = (minutes: number) => new Date(Date.UTC(2026, 5, 15, 12, minutes));
const session = (id: string, familyId: string, userId: string, minutes: number, over: Record<string, unknown> = {}) => ({
  _id: id,
  userId,
  familyId,
  createdAt: T(minutes),
  expiresAt: T(minutes + 60),
  rotatedAt: null,
  revokedAt: null,
  ...over,
});

describe('MongoDB session-list documents (executed with mingo)', () => {
  const sessions = new MingoCollection([
    session('a1', 'fa', 'u1', 0, { rotatedAt: T(2) }),
    session('a2', 'fa', 'u1', 2),
    session('b1', 'fb', 'u1', 1, { revokedAt: T(3) }),
    session('c1', 'fc', 'u2', 1),
    session('d1', 'fd', 'u1', -90),
  ]);

  it("finds the live link of each of the user's families", () => {
    expect(sessions.find(activeSessionsFilter('u1', T(5)), { createdAt: -1 }).map((s) => s._id)).toEqual(['a2']);
  });

  it('finds when each family started', () => {
    expect(sessions.aggregate(familyStartsPipeline('u1', ['fa']))).toEqual([{ _id: 'fa', startedAt: T(0) }]);
  });
});
