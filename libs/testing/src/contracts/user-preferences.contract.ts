import { UserPreferences, type UserPreferencesRepository } from '@primetrade/domain';

const NOW = new Date('2026-03-29T05:30:00.000Z');

function prefs(userId: string, changes: Parameters<UserPreferences['change']>[0] = {}): UserPreferences {
  const p = UserPreferences.defaults(userId);
  p.change(changes, NOW);
  return p;
}

/** The behaviour every UserPreferencesRepository must show; `open` returns a fresh, empty store. */
export function describeUserPreferencesContract(
  name: string,
  open: () => Promise<{ preferences: UserPreferencesRepository; dispose(): Promise<void> }>,
): void {
  describe(`user preferences contract: ${name}`, () => {
    let store: { preferences: UserPreferencesRepository; dispose(): Promise<void> };
    beforeEach(async () => {
      store = await open();
    });
    afterEach(async () => {
      await store.dispose();
    });

    it('finds nothing for a user who never saved, then what was saved, every field', async () => {
      expect(await store.preferences.find('u1')).toBeNull();
      const saved = prefs('u1', {
        timeZone: 'America/New_York',
        dueSoonLead: '15m',
        inApp: false,
        email: true,
        digestEnabled: true,
        digestHour: 23,
      });
      await store.preferences.save(saved);
      expect((await store.preferences.find('u1'))?.toProps()).toEqual(saved.toProps());
      expect(await store.preferences.find('u2')).toBeNull();
    });

    it('replaces the row on a second save', async () => {
      await store.preferences.save(prefs('u1', { dueSoonLead: '1h' }));
      const changed = prefs('u1', { dueSoonLead: 'none', timeZone: 'Asia/Kolkata', digestHour: 0 });
      await store.preferences.save(changed);
      expect((await store.preferences.find('u1'))?.toProps()).toEqual(changed.toProps());
    });

    it('finds many at once, leaving out users without a row', async () => {
      await store.preferences.save(prefs('u1', { dueSoonLead: '1h' }));
      await store.preferences.save(prefs('u3', { dueSoonLead: 'none' }));
      const found = await store.preferences.findMany(['u1', 'u2', 'u3']);
      expect([...found.keys()].sort()).toEqual(['u1', 'u3']);
      expect(found.get('u3')?.dueSoonLead).toBe('none');
      expect((await store.preferences.findMany([])).size).toBe(0);
    });

    it('pages through the digest subscribers by user id', async () => {
      for (const id of ['u4', 'u1', 'u3', 'u2']) await store.preferences.save(prefs(id, { digestEnabled: id !== 'u2' }));
      const first = await store.preferences.digestSubscribers(null, 2);
      expect(first.map((p) => p.userId)).toEqual(['u1', 'u3']);
      const next = await store.preferences.digestSubscribers('u3', 2);
      expect(next.map((p) => p.userId)).toEqual(['u4']);
    });

    it('lets exactly one of several concurrent claims of a user and local day win, and a release free it', async () => {
      const claims = await Promise.all(Array.from({ length: 5 }, () => store.preferences.claimDigest('u1', '2026-03-29', NOW)));
      expect(claims.filter(Boolean)).toHaveLength(1);
      expect(await store.preferences.claimDigest('u1', '2026-03-30', NOW)).toBe(true);
      expect(await store.preferences.claimDigest('u2', '2026-03-29', NOW)).toBe(true);
      await store.preferences.releaseDigest('u1', '2026-03-29');
      expect(await store.preferences.claimDigest('u1', '2026-03-29', NOW)).toBe(true);
      expect(await store.preferences.claimDigest('u1', '2026-03-29', NOW)).toBe(false);
    });
  });
}
