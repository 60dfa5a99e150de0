import type { PasswordResetRepository } from '@primetrade/domain';

const NOW = new Date('2026-06-15T12:00:00.000Z');
const at = (ms: number) => new Date(NOW.getTime() + ms);

/** The behaviour every PasswordResetRepository adapter must show, run against each real store. */
export function describePasswordResetContract(name: string, open: () => Promise<PasswordResetRepository>): void {
  describe(`PasswordResetRepository contract: ${name}`, () => {
    let resets: PasswordResetRepository;
    beforeEach(async () => {
      resets = await open();
    });

    it('gives the user for a live token, once', async () => {
      await resets.save('u1', 'hash-1', at(30 * 60_000), NOW);
      expect(await resets.consume('hash-1', at(1000))).toBe('u1');
      expect(await resets.consume('hash-1', at(2000))).toBeNull();
    });

    it('gives nobody for an unknown or expired token', async () => {
      await resets.save('u1', 'hash-1', at(30 * 60_000), NOW);
      expect(await resets.consume('hash-2', at(1000))).toBeNull();
      expect(await resets.consume('hash-1', at(30 * 60_000))).toBeNull();
    });

    it('lets exactly one of several racing resets use the token', async () => {
      await resets.save('u1', 'hash-1', at(30 * 60_000), NOW);
      const results = await Promise.all(Array.from({ length: 5 }, () => resets.consume('hash-1', at(1000))));
      expect(results.filter((r) => r === 'u1')).toHaveLength(1);
    });
  });
}
