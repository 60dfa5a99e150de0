import type { AccountToken, AccountTokenRepository } from '@primetrade/domain';

const NOW = new Date('2026-06-15T12:00:00.000Z');
const at = (ms: number) => new Date(NOW.getTime() + ms);
const token = (over: Partial<AccountToken> = {}): AccountToken => ({
  purpose: 'password-reset',
  tokenHash: 'hash-1',
  userId: 'u1',
  email: null,
  expiresAt: at(30 * 60_000),
  ...over,
});

/** The behaviour every AccountTokenRepository adapter must show, run against each real store. */
export function describeAccountTokenContract(name: string, open: () => Promise<AccountTokenRepository>): void {
  describe(`AccountTokenRepository contract: ${name}`, () => {
    let tokens: AccountTokenRepository;
    beforeEach(async () => {
      tokens = await open();
    });

    it('grants the user (and the address) of a live token, once', async () => {
      await tokens.save(token({ purpose: 'email-confirmation', email: 'new@example.com' }), NOW);
      expect(await tokens.consume('email-confirmation', 'hash-1', at(1000))).toEqual({ userId: 'u1', email: 'new@example.com' });
      expect(await tokens.consume('email-confirmation', 'hash-1', at(2000))).toBeNull();
    });

    it('grants nothing for an unknown or expired token, or one of another purpose', async () => {
      await tokens.save(token(), NOW);
      expect(await tokens.consume('password-reset', 'hash-2', at(1000))).toBeNull();
      expect(await tokens.consume('email-confirmation', 'hash-1', at(1000))).toBeNull();
      expect(await tokens.consume('password-reset', 'hash-1', at(30 * 60_000))).toBeNull();
    });

    it('lets exactly one of several racing uses have the token', async () => {
      await tokens.save(token(), NOW);
      const results = await Promise.all(Array.from({ length: 5 }, () => tokens.consume('password-reset', 'hash-1', at(1000))));
      expect(results.filter((r) => r?.userId === 'u1')).toHaveLength(1);
    });

    it("deletes every token of a user and no one else's", async () => {
      await tokens.save(token(), NOW);
      await tokens.save(token({ tokenHash: 'hash-2', purpose: 'email-confirmation', email: 'a@example.com' }), NOW);
      await tokens.save(token({ tokenHash: 'hash-3', userId: 'u2' }), NOW);
      await tokens.deleteAllOfUser('u1');
      expect(await tokens.consume('password-reset', 'hash-1', at(1000))).toBeNull();
      expect(await tokens.consume('email-confirmation', 'hash-2', at(1000))).toBeNull();
      expect(await tokens.consume('password-reset', 'hash-3', at(1000))).toEqual({ userId: 'u2', email: null });
    });
  });
}
