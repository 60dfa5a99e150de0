/**
 * What a single-use account token is for. A token of one purpose never works for another: a
 * password-reset link cannot confirm an address, nor the other way round.
 */
export type AccountTokenPurpose = 'password-reset' | 'email-confirmation';

export interface AccountToken {
  purpose: AccountTokenPurpose;
  /** SHA-256 of the token; the token itself is only in the link that was mailed. */
  tokenHash: string;
  userId: string;
  /** The address it confirms (the current one, or the new one of a change); null for a reset. */
  email: string | null;
  expiresAt: Date;
}

/** What a used token grants. */
export interface AccountTokenGrant {
  userId: string;
  email: string | null;
}

/** Single-use account tokens (password resets, email confirmations), stored as hashes. */
export abstract class AccountTokenRepository {
  abstract save(token: AccountToken, now: Date): Promise<void>;
  /**
   * Uses the token: what it grants when it is of that purpose, unused and not expired (and it is
   * used from then on), null otherwise. The store decides, so two racing uses cannot both have it.
   */
  abstract consume(purpose: AccountTokenPurpose, tokenHash: string, now: Date): Promise<AccountTokenGrant | null>;
  /** Every token of the user is gone (the account is deleted). */
  abstract deleteAllOfUser(userId: string): Promise<void>;
}
