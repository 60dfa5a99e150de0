import { type DynamicModule, Module } from '@nestjs/common';
import { ContentCipher } from '@primetrade/domain';
import { AesGcmContentCipher } from './aes-gcm-content-cipher';
import { BlindIndex } from './blind-index';
import type { EncryptionKeyRing } from './encryption-keys';

export const ENCRYPTION_KEY_RING = Symbol('ENCRYPTION_KEY_RING');

/**
 * Encryption at rest for every adapter that stores personal data. Global because every store
 * module (SQLite, MongoDB) and the key-rotation tools need the same key ring.
 */
@Module({})
export class EncryptionModule {
  static forRoot(ring: EncryptionKeyRing): DynamicModule {
    const providers = [
      { provide: ENCRYPTION_KEY_RING, useValue: ring },
      { provide: ContentCipher, useFactory: () => new AesGcmContentCipher(ring) },
      { provide: BlindIndex, useFactory: () => new BlindIndex(ring.blindIndexKey) },
    ];
    return { module: EncryptionModule, global: true, providers, exports: [ENCRYPTION_KEY_RING, ContentCipher, BlindIndex] };
  }
}
