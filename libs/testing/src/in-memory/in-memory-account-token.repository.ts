import { PasswordResetRepository } from '@primetrade/domain';

/** Reset tokens by hash; check-and-mark runs without an await, so it is one step. */
export class InMemoryPasswordResetRepository extends PasswordResetRepository {
  private readonly tokens = new Map<string, { userId: string; expiresAt: number; used: boolean }>();

  async save(userId: string, tokenHash: string, expiresAt: Date): Promise<void> {
    this.tokens.set(tokenHash, { userId, expiresAt: expiresAt.getTime(), used: false });
  }

  async consume(tokenHash: string, now: Date): Promise<string | null> {
    const token = this.tokens.get(tokenHash);
    if (!token || token.used || token.expiresAt <= now.getTime()) return null;
    token.used = true;
    return token.userId;
  }
}
