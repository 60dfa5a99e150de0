import { randomBytes } from 'node:crypto';
import { DataIntegrityError } from '@primetrade/domain';
import { AesGcmContentCipher } from './aes-gcm-content-cipher';
import type { EncryptionKeyRing } from './encryption-keys';

const k1 = randomBytes(32);
const k2 = randomBytes(32);
const ring = (activeKeyId: string, keys: [string, Buffer][]): EncryptionKeyRing => ({
  keys: new Map(keys),
  activeKeyId,
  blindIndexKey: randomBytes(32),
});
const text = (s: string) => Buffer.from(s, 'utf8');

async function* chunks(...parts: string[]) {
  for (const part of parts) yield text(part);
}

async function collect(source: AsyncIterable<Uint8Array>): Promise<Buffer> {
  const parts: Uint8Array[] = [];
  for await (const part of source) parts.push(part);
  return Buffer.concat(parts);
}

describe('AesGcmContentCipher', () => {
  const cipher = new AesGcmContentCipher(ring('k1', [['k1', k1]]));
  const secret = 'the quarterly numbers are bad';

  it('round-trips, names its key, and holds no plaintext', () => {
    const sealed = Buffer.from(cipher.seal(text(secret), 'attachments/a1'));
    expect(sealed.includes(text(secret))).toBe(false);
    expect(sealed.includes(text('quarterly'))).toBe(false);
    expect(sealed.subarray(0, 3).toString()).toBe('PTE');
    expect(cipher.keyIdOf(sealed)).toBe('k1');
    expect(sealed.length).toBe(3 + 2 + 2 + 12 + Buffer.byteLength(secret) + 16);
    expect(Buffer.from(cipher.open(sealed, 'attachments/a1')).toString()).toBe(secret);
  });

  it('uses a fresh IV every time', () => {
    const a = Buffer.from(cipher.seal(text(secret), 'c'));
    const b = Buffer.from(cipher.seal(text(secret), 'c'));
    expect(a.subarray(7, 19).equals(b.subarray(7, 19))).toBe(false);
    expect(a.equals(b)).toBe(false);
  });

  it('seals a stream into the same format that open reads', async () => {
    const sealed = await collect(cipher.sealStream(chunks('the quarterly ', 'numbers are ', 'bad'), 'attachments/a2'));
    expect(Buffer.from(cipher.open(sealed, 'attachments/a2')).toString()).toBe(secret);
  });

  it('detects any flipped byte: header, IV, ciphertext or tag', () => {
    const sealed = Buffer.from(cipher.seal(text(secret), 'ctx'));
    for (let i = 0; i < sealed.length; i++) {
      const tampered = Buffer.from(sealed);
      tampered[i] ^= 0x01;
      expect(() => cipher.open(tampered, 'ctx')).toThrow(DataIntegrityError);
    }
  });

  it('refuses a value moved to another record (associated data), truncated, or not sealed at all', () => {
    const sealed = cipher.seal(text(secret), 'attachments/a1');
    expect(() => cipher.open(sealed, 'attachments/a2')).toThrow(DataIntegrityError);
    expect(() => cipher.open(sealed.subarray(0, sealed.length - 1), 'attachments/a1')).toThrow(DataIntegrityError);
    expect(() => cipher.open(sealed.subarray(0, 10), 'attachments/a1')).toThrow(DataIntegrityError);
    expect(() => cipher.open(text('plain text'), 'attachments/a1')).toThrow(DataIntegrityError);
    expect(cipher.keyIdOf(text('plain text'))).toBeNull();
  });

  it('rotation: new values use the active key, old ones still open; an unknown key is refused', () => {
    const old = cipher.seal(text('old'), 'c');
    const rotated = new AesGcmContentCipher(
      ring('k2', [
        ['k1', k1],
        ['k2', k2],
      ]),
    );
    const fresh = rotated.seal(text('new'), 'c');
    expect(rotated.keyIdOf(fresh)).toBe('k2');
    expect(Buffer.from(rotated.open(old, 'c')).toString()).toBe('old');
    expect(Buffer.from(rotated.open(fresh, 'c')).toString()).toBe('new');
    expect(() => cipher.open(fresh, 'c')).toThrow(DataIntegrityError);
    // The key id is authenticated: relabelling a k1 value as k2 does not open it.
    const relabelled = Buffer.from(old);
    relabelled[5] = '2'.charCodeAt(0);
    expect(() => rotated.open(relabelled, 'c')).toThrow(DataIntegrityError);
  });
});
