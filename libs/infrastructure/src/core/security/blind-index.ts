import { createHmac } from 'node:crypto';

/**
 * Keyed look-up values for encrypted fields: HMAC-SHA-256 under BLIND_INDEX_KEY (a key of its
 * own, not an encryption key) of a purpose label and the normalised value. Equal inputs give
 * equal indexes, so a unique index and an equality look-up work; without the key the index
 * reveals nothing about the value.
 */
export class BlindIndex {
  constructor(private readonly key: Buffer) {
    if (key.length !== 32) throw new Error('the blind index key must be 32 bytes');
  }

  of(purpose: string, value: string): string {
    return createHmac('sha256', this.key)
      .update(purpose, 'utf8')
      .update('\u0000')
      .update(value.normalize('NFC'), 'utf8')
      .digest('base64url');
  }
}
