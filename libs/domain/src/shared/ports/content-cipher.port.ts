/**
 * Authenticated encryption of data at rest (attachment content, personal fields). Every sealed
 * value names the key that sealed it, so keys can rotate: new values use the active key, old ones
 * still open. `context` is bound to the ciphertext as associated data (for example
 * `attachments/<id>`): a value copied to another record or field does not open there.
 * Opening anything that fails its check throws DataIntegrityError.
 */
export abstract class ContentCipher {
  abstract seal(plaintext: Uint8Array, context: string): Uint8Array;
  abstract open(sealed: Uint8Array, context: string): Uint8Array;
  /** Seals a stream as it flows (one IV, one tag at the end): the same format as `seal`. */
  abstract sealStream(plaintext: AsyncIterable<Uint8Array>, context: string): AsyncIterable<Uint8Array>;
  /** The id of the key a sealed value names, or null when it is not a sealed value. */
  abstract keyIdOf(sealed: Uint8Array): string | null;
  /** The id of the key new values are sealed with. */
  abstract get activeKeyId(): string;
}
