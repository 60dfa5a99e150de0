/** Password-reset tokens, stored as hashes; each works once, until it expires. */
export abstract class PasswordResetRepository {
  abstract save(userId: string, tokenHash: string, expiresAt: Date, now: Date): Promise<void>;
  /**
   * Uses the token: the user's id when it is unused and not expired (and it is used from then
   * on), null otherwise. The store decides, so two racing resets cannot both use one token.
   */
  abstract consume(tokenHash: string, now: Date): Promise<string | null>;
}
