/** Key material for encryption at rest, resolved from configuration by the composition root. */
export interface EncryptionKeyRing {
  /** Key id → 32-byte AES-256 key. */
  readonly keys: ReadonlyMap<string, Buffer>;
  /** New values are sealed with this one; the others only open old values. */
  readonly activeKeyId: string;
  /** 32-byte HMAC-SHA-256 key of blind indexes (kept apart from the encryption keys). */
  readonly blindIndexKey: Buffer;
}
