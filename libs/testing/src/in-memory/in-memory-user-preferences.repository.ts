import { UserPreferences, UserPreferencesRepository } from '@primetrade/domain';

/** Preferences and digest records in maps, with the same (user, local date) uniqueness rule. */
export class InMemoryUserPreferencesRepository extends UserPreferencesRepository {
  readonly rows = new Map<string, UserPreferences>();
  /** `${userId} ${localDate}` of every digest claimed. */
  readonly digests = new Set<string>();

  async find(userId: string): Promise<UserPreferences | null> {
    const row = this.rows.get(userId);
    return row ? UserPreferences.restore(row.toProps()) : null;
  }

  async findMany(userIds: readonly string[]): Promise<Map<string, UserPreferences>> {
    const found = new Map<string, UserPreferences>();
    for (const id of userIds) {
      const row = this.rows.get(id);
      if (row) found.set(id, UserPreferences.restore(row.toProps()));
    }
    return found;
  }

  async save(preferences: UserPreferences): Promise<void> {
    this.rows.set(preferences.userId, UserPreferences.restore(preferences.toProps()));
  }

  async digestSubscribers(afterUserId: string | null, limit: number): Promise<UserPreferences[]> {
    return [...this.rows.values()]
      .filter((p) => p.digestEnabled && (afterUserId === null || p.userId > afterUserId))
      .sort((a, b) => (a.userId < b.userId ? -1 : a.userId > b.userId ? 1 : 0))
      .slice(0, limit)
      .map((p) => UserPreferences.restore(p.toProps()));
  }

  /** Check and add with no await between: nothing can land in between. */
  async claimDigest(userId: string, localDate: string, _now: Date): Promise<boolean> {
    const key = `${userId} ${localDate}`;
    if (this.digests.has(key)) return false;
    this.digests.add(key);
    return true;
  }

  async releaseDigest(userId: string, localDate: string): Promise<void> {
    this.digests.delete(`${userId} ${localDate}`);
  }

  /** What the account eraser removes. */
  eraseUser(userId: string): void {
    this.rows.delete(userId);
    for (const key of this.digests) if (key.startsWith(`${userId} `)) this.digests.delete(key);
  }
}
