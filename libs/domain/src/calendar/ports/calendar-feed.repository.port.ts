/**
 * A user's private calendar feed: at most one per user, found by the hash of its secret token
 * (the token itself is never stored).
 */
export abstract class CalendarFeedRepository {
  /** Sets the user's feed token, replacing an earlier one (whose address then stops working). */
  abstract save(ownerId: string, tokenHash: string, now: Date): Promise<void>;
  /** Removes the user's feed; false when there was none. */
  abstract revoke(ownerId: string): Promise<boolean>;
  /** The owner of the feed with this token hash, or null. */
  abstract findOwner(tokenHash: string): Promise<string | null>;
}
