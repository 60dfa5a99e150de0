import type { UserPreferences } from '../model/user-preferences';

/** Reminder and digest settings per user, and the record that a day's digest went out. */
export abstract class UserPreferencesRepository {
  /** null when the user never saved any (callers use UserPreferences.defaults). */
  abstract find(userId: string): Promise<UserPreferences | null>;
  /** The stored preferences of these users (those without stay out of the map). */
  abstract findMany(userIds: readonly string[]): Promise<Map<string, UserPreferences>>;
  /** Inserts or replaces the user's row. */
  abstract save(preferences: UserPreferences): Promise<void>;
  /** Users with the digest on, by user id, strictly after `afterUserId`: the digest pass pages through them. */
  abstract digestSubscribers(afterUserId: string | null, limit: number): Promise<UserPreferences[]>;
  /**
   * Records that the digest of `localDate` (YYYY-MM-DD in the user's zone) is being sent: true for
   * the one caller that inserted the record, false when it already existed (another worker, an
   * earlier scan, a restart). A unique (user, local date) rule in the store decides.
   */
  abstract claimDigest(userId: string, localDate: string, now: Date): Promise<boolean>;
  /** Removes a claim whose mail the mailer refused, so a later scan in the same hour tries again. */
  abstract releaseDigest(userId: string, localDate: string): Promise<void>;
}
