import { CalendarFeedRepository } from '@primetrade/domain';

/** One feed per user, found by token hash. */
export class InMemoryCalendarFeedRepository extends CalendarFeedRepository {
  private readonly hashByOwner = new Map<string, string>();

  async save(ownerId: string, tokenHash: string): Promise<void> {
    this.hashByOwner.set(ownerId, tokenHash);
  }

  async revoke(ownerId: string): Promise<boolean> {
    return this.hashByOwner.delete(ownerId);
  }

  async findOwner(tokenHash: string): Promise<string | null> {
    for (const [ownerId, hash] of this.hashByOwner) if (hash === tokenHash) return ownerId;
    return null;
  }
}
