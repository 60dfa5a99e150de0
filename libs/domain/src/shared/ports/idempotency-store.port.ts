/** The response a first request got, kept so a retry with the same key gets it again. */
export interface StoredResponse {
  status: number;
  /** Only headers a client needs again (content type, Location, ETag). */
  headers: Readonly<Record<string, string>>;
  body: string;
}

/** What the store decided for a request that carries an Idempotency-Key. */
export type IdempotencyClaim =
  /** First time for this user and key (or the old record expired): run the request. */
  | { outcome: 'claimed' }
  /** The same request completed before: answer with its response, run nothing. */
  | { outcome: 'replay'; response: StoredResponse }
  /** The same key's first request is still running. */
  | { outcome: 'in-progress' }
  /** The key was used for a different request. */
  | { outcome: 'mismatch' };

/**
 * Idempotency keys per user (IETF Idempotency-Key header draft). The store decides atomically,
 * so concurrent retries on several replicas run the request once.
 */
export abstract class IdempotencyStore {
  /** Claims `key` for `ownerId` until `expiresAt`, unless a live record exists; then says which case it is. */
  abstract claim(ownerId: string, key: string, fingerprint: string, now: Date, expiresAt: Date): Promise<IdempotencyClaim>;
  /** Keeps the first request's response under the claim. */
  abstract complete(ownerId: string, key: string, response: StoredResponse): Promise<void>;
  /** The first request failed: forget the claim, so a retry runs the request again. */
  abstract release(ownerId: string, key: string): Promise<void>;
}
