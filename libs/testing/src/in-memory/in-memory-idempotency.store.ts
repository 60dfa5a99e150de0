import { type IdempotencyClaim, IdempotencyStore, type StoredResponse } from '@primetrade/domain';

interface IdempotencyRecord {
  fingerprint: string;
  expiresAt: number;
  response?: StoredResponse;
}

/** Idempotency records in a Map; a JavaScript turn is atomic, so the claim is too. */
export class InMemoryIdempotencyStore extends IdempotencyStore {
  private readonly records = new Map<string, IdempotencyRecord>();

  async claim(ownerId: string, key: string, fingerprint: string, now: Date, expiresAt: Date): Promise<IdempotencyClaim> {
    const id = `${ownerId}\u0000${key}`;
    const existing = this.records.get(id);
    if (!existing || existing.expiresAt <= now.getTime()) {
      this.records.set(id, { fingerprint, expiresAt: expiresAt.getTime() });
      return { outcome: 'claimed' };
    }
    if (existing.fingerprint !== fingerprint) return { outcome: 'mismatch' };
    return existing.response ? { outcome: 'replay', response: existing.response } : { outcome: 'in-progress' };
  }

  async complete(ownerId: string, key: string, response: StoredResponse): Promise<void> {
    const record = this.records.get(`${ownerId}\u0000${key}`);
    if (record) record.response = response;
  }

  async release(ownerId: string, key: string): Promise<void> {
    this.records.delete(`${ownerId}\u0000${key}`);
  }
}
