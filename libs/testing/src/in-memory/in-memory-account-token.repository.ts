import { type AccountToken, type AccountTokenGrant, type AccountTokenPurpose, AccountTokenRepository } from '@primetrade/domain';

/** Account tokens by hash; check-and-mark runs without an await, so it is one step. */
export class InMemoryAccountTokenRepository extends AccountTokenRepository {
  private readonly tokens = new Map<string, AccountToken & { used: boolean }>();

  async save(token: AccountToken, now: Date): Promise<void> {
    // Expired tokens are of no use to anyone: cleared as new ones come (as the stores do).
    for (const [hash, kept] of this.tokens) if (kept.expiresAt.getTime() <= now.getTime()) this.tokens.delete(hash);
    this.tokens.set(token.tokenHash, { ...token, used: false });
  }

  async consume(purpose: AccountTokenPurpose, tokenHash: string, now: Date): Promise<AccountTokenGrant | null> {
    const token = this.tokens.get(tokenHash);
    if (!token || token.purpose !== purpose || token.used || token.expiresAt.getTime() <= now.getTime()) return null;
    token.used = true;
    return { userId: token.userId, email: token.email };
  }

  async deleteAllOfUser(userId: string): Promise<void> {
    for (const [hash, token] of this.tokens) if (token.userId === userId) this.tokens.delete(hash);
  }
}
