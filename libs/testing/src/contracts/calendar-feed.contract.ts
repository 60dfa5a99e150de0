import type { CalendarFeedRepository } from '@primetrade/domain';

const NOW = new Date('2026-06-15T12:00:00.000Z');

/** The behaviour every CalendarFeedRepository adapter must show, run against each real store. */
export function describeCalendarFeedContract(name: string, open: () => Promise<CalendarFeedRepository>): void {
  describe(`CalendarFeedRepository contract: ${name}`, () => {
    let feeds: CalendarFeedRepository;
    beforeEach(async () => {
      feeds = await open();
    });

    it('finds the owner by the token hash, and nobody for an unknown hash', async () => {
      await feeds.save('u1', 'hash-1', NOW);
      expect(await feeds.findOwner('hash-1')).toBe('u1');
      expect(await feeds.findOwner('hash-2')).toBeNull();
    });

    it('keeps one feed per user: regenerating retires the old token', async () => {
      await feeds.save('u1', 'hash-1', NOW);
      await feeds.save('u1', 'hash-2', NOW);
      expect(await feeds.findOwner('hash-1')).toBeNull();
      expect(await feeds.findOwner('hash-2')).toBe('u1');
    });

    it('revokes the feed once; the token no longer finds anyone', async () => {
      await feeds.save('u1', 'hash-1', NOW);
      await feeds.save('u2', 'hash-9', NOW);
      expect(await feeds.revoke('u1')).toBe(true);
      expect(await feeds.revoke('u1')).toBe(false);
      expect(await feeds.findOwner('hash-1')).toBeNull();
      expect(await feeds.findOwner('hash-9')).toBe('u2');
    });
  });
}
