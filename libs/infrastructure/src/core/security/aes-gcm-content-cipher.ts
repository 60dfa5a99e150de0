import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import { ContentCipher, DataIntegrityError } from '@primetrade/domain';
import type { EncryptionKeyRing } from './encryption-keys';

const MAGIC = Buffer.from('PTE'); // Primetrade encrypted
const VERSION = 1;
const IV_BYTES = 12; // 96 bits: the GCM nonce size that needs no extra hashing
const TAG_BYTES = 16;

/**
 * AES-256-GCM through createCipheriv, a fresh random 96-bit IV per value, the 128-bit tag
 * checked before anything is returned. Sealed form (binary):
 *
 *   "PTE" | version (1) | key-id length (1) | key id | IV (12) | ciphertext | tag (16)
 *
 * The associated data is the header (so the key id and version cannot be swapped) followed by the
 * caller's context (so a value copied to another record does not open there).
 */
export class AesGcmContentCipher extends ContentCipher {
  constructor(private readonly ring: EncryptionKeyRing) {
    super();
  }

  get activeKeyId(): string {
    return this.ring.activeKeyId;
  }

  seal(plaintext: Uint8Array, context: string): Uint8Array {
    const { header, cipher } = this.start(context);
    const body = Buffer.concat([cipher.update(plaintext), cipher.final()]);
    return Buffer.concat([header, body, cipher.getAuthTag()]);
  }

  async *sealStream(plaintext: AsyncIterable<Uint8Array>, context: string): AsyncGenerator<Uint8Array> {
    const { header, cipher } = this.start(context);
    yield header;
    for await (const chunk of plaintext) {
      const out = cipher.update(chunk);
      if (out.length) yield out;
    }
    const last = cipher.final();
    yield Buffer.concat([last, cipher.getAuthTag()]);
  }

  open(sealed: Uint8Array, context: string): Uint8Array {
    const parsed = this.parse(sealed);
    const key = parsed && this.ring.keys.get(parsed.keyId);
    if (!parsed || !key) throw new DataIntegrityError();
    const data = Buffer.from(sealed.buffer, sealed.byteOffset, sealed.byteLength);
    if (data.length < parsed.headerLength + TAG_BYTES) throw new DataIntegrityError();
    try {
      const decipher = createDecipheriv('aes-256-gcm', key, data.subarray(parsed.headerLength - IV_BYTES, parsed.headerLength), {
        authTagLength: TAG_BYTES,
      });
      decipher.setAAD(Buffer.concat([data.subarray(0, parsed.headerLength), Buffer.from(context, 'utf8')]));
      decipher.setAuthTag(data.subarray(data.length - TAG_BYTES));
      return Buffer.concat([decipher.update(data.subarray(parsed.headerLength, data.length - TAG_BYTES)), decipher.final()]);
    } catch {
      throw new DataIntegrityError();
    }
  }

  keyIdOf(sealed: Uint8Array): string | null {
    return this.parse(sealed)?.keyId ?? null;
  }

  private start(context: string) {
    const keyId = this.ring.activeKeyId;
    const key = this.ring.keys.get(keyId);
    if (!key) throw new Error(`the active encryption key "${keyId}" is not in the key ring`);
    const iv = randomBytes(IV_BYTES);
    const id = Buffer.from(keyId, 'ascii');
    const header = Buffer.concat([MAGIC, Buffer.from([VERSION, id.length]), id, iv]);
    const cipher = createCipheriv('aes-256-gcm', key, iv, { authTagLength: TAG_BYTES });
    cipher.setAAD(Buffer.concat([header, Buffer.from(context, 'utf8')]));
    return { header, cipher };
  }

  private parse(sealed: Uint8Array): { keyId: string; headerLength: number } | null {
    const data = Buffer.from(sealed.buffer, sealed.byteOffset, sealed.byteLength);
    if (data.length < MAGIC.length + 2 || !data.subarray(0, MAGIC.length).equals(MAGIC) || data[MAGIC.length] !== VERSION) return null;
    const idLength = data[MAGIC.length + 1];
    const headerLength = MAGIC.length + 2 + idLength + IV_BYTES;
    if (idLength === 0 || data.length < headerLength) return null;
    return { keyId: data.subarray(MAGIC.length + 2, MAGIC.length + 2 + idLength).toString('ascii'), headerLength };
  }
}
