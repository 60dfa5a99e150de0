import type { ContentCipher, StoredResponse } from '@primetrade/domain';

/**
 * A stored response can hold task content, so every store keeps it sealed, with the user and
 * key as associated data: copied under another user or key, it does not open.
 */
export function sealResponse(cipher: ContentCipher, ownerId: string, key: string, response: StoredResponse): string {
  return Buffer.from(cipher.seal(Buffer.from(JSON.stringify(response), 'utf8'), context(ownerId, key))).toString('base64');
}

export function openResponse(cipher: ContentCipher, ownerId: string, key: string, sealed: string): StoredResponse {
  return JSON.parse(Buffer.from(cipher.open(Buffer.from(sealed, 'base64'), context(ownerId, key))).toString('utf8')) as StoredResponse;
}

const context = (ownerId: string, key: string) => `idempotency/${ownerId}/${Buffer.from(key).toString('base64url')}`;
